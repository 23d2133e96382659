// The article body's writing toolbar (templates/admin/articles/article/body_toolbar.html).
//
// Each button writes the body's Markdown around the selection, or inserts a placeholder and
// selects it: spoiler blocks and spans (with a scope picked from the seasons and episodes the
// article's works have), Q&A turns, block quotes, library images and links. Edits go through
// document.execCommand("insertText") so the textarea's own undo keeps working, with setRangeText
// (and an "input" event) where a browser does not support it. The syntax is docs/editors.md's
// and docs/spoilers.md's; the JSON lookups are articles/admin_toolbar.py.
(function () {
  "use strict";

  var template = document.getElementById("body-toolbar-template");
  var textarea = document.getElementById("id_body");
  if (!template || !textarea || textarea.tagName !== "TEXTAREA" || textarea.readOnly || textarea.disabled) {
    return;
  }

  var PLACEHOLDER = {
    spoilerBlock: "What the spoiler reveals.",
    spoilerSpan: "the spoiler",
    speaker: "Name",
    answer: "What they said.",
    quote: "Quoted words",
    linkText: "link text"
  };
  var KEPT_SCHEMES = ["http", "https", "mailto"];
  var SEARCH_DELAY_MS = 250;

  // --- Build: the toolbar and its panels go above the textarea, in one wrapper with it. -------

  var editor = template.content.querySelector(".body-toolbar-editor").cloneNode(true);
  textarea.parentNode.insertBefore(editor, textarea);
  editor.appendChild(textarea);

  var toolbar = editor.querySelector("[role=toolbar]");
  var buttons = Array.prototype.slice.call(toolbar.querySelectorAll("button"));
  var status = editor.querySelector(".body-toolbar-status");
  var panels = {
    scopes: editor.querySelector("#body-toolbar-scopes"),
    images: editor.querySelector("#body-toolbar-images"),
    link: editor.querySelector("#body-toolbar-link"),
    help: editor.querySelector("#body-toolbar-help")
  };
  var openPanel = null;
  var opener = null;
  // The selection the open panel will write around, taken when its button was pressed.
  var saved = null;
  var touched = false;
  textarea.addEventListener("focus", function () { touched = true; });

  // --- Editing the textarea -----------------------------------------------------------------

  function currentSelection() {
    if (!touched) {
      // Never clicked into: write at the end, not over the start of the article.
      return { start: textarea.value.length, end: textarea.value.length };
    }
    return { start: textarea.selectionStart, end: textarea.selectionEnd };
  }

  // Replace value[start:end] with ``text``, then select text[selectFrom:selectTo].
  function replaceRange(start, end, text, selectFrom, selectTo) {
    textarea.focus();
    textarea.setSelectionRange(start, end);
    var before = textarea.value;
    var inserted = false;
    try {
      inserted = document.execCommand("insertText", false, text);
    } catch (error) {
      inserted = false;
    }
    if (!inserted || textarea.value === before) {
      textarea.setRangeText(text, start, end, "end");
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
    textarea.setSelectionRange(start + selectFrom, start + selectTo);
    textarea.focus();
  }

  // The selection without the spaces around it, which stay outside inline markup.
  function innerRange(range) {
    var value = textarea.value;
    var start = range.start;
    var end = range.end;
    while (start < end && /\s/.test(value.charAt(start))) { start += 1; }
    while (end > start && /\s/.test(value.charAt(end - 1))) { end -= 1; }
    return { start: start, end: end, text: value.slice(start, end) };
  }

  // Block markup sits on lines of its own with a blank line around it: the range grows over the
  // spaces beside it, and the padding says which line breaks to add before and after.
  function blockRange(range) {
    var value = textarea.value;
    var start = range.start;
    var end = range.end;
    while (start > 0 && /[ \t]/.test(value.charAt(start - 1))) { start -= 1; }
    while (end < value.length && /[ \t]/.test(value.charAt(end))) { end += 1; }
    var before = value.slice(0, start);
    var after = value.slice(end);
    var lead = before === "" || /\n[ \t]*\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    var trail = after === "" || /^\n[ \t]*\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
    return {
      start: start,
      end: end,
      text: value.slice(range.start, range.end).replace(/^\s+|\s+$/g, ""),
      lead: lead,
      trail: trail
    };
  }

  function spansParagraphs(text) {
    return /\n[ \t]*\n/.test(text);
  }

  function say(message) {
    status.textContent = message;
  }

  function wrapBlock(range, opening, placeholder, closing) {
    var block = blockRange(range);
    var content = block.text || placeholder;
    var text = block.lead + opening + content + closing + block.trail;
    var from = block.lead.length + opening.length;
    replaceRange(block.start, block.end, text, from, from + content.length);
  }

  function insertSpoilerBlock(range, scope) {
    wrapBlock(range, "::: spoiler " + scope + "\n", PLACEHOLDER.spoilerBlock, "\n:::");
  }

  function insertSpoilerSpan(range, scope) {
    var inner = innerRange(range);
    var content = inner.text || PLACEHOLDER.spoilerSpan;
    var opening = "||" + scope + ": ";
    replaceRange(inner.start, inner.end, opening + content + "||", opening.length, opening.length + content.length);
  }

  function insertQaTurn(range) {
    var block = blockRange(range);
    var opening = "**" + PLACEHOLDER.speaker + ":** ";
    var text = block.lead + opening + (block.text || PLACEHOLDER.answer) + block.trail;
    var from = block.lead.length + 2;
    replaceRange(block.start, block.end, text, from, from + PLACEHOLDER.speaker.length);
  }

  function insertQuote(range) {
    var block = blockRange(range);
    var lines = (block.text || PLACEHOLDER.quote).split("\n").map(function (line) {
      return line.trim() === "" ? ">" : "> " + line;
    });
    var quoted = lines.join("\n");
    var from = block.lead.length + 2;
    replaceRange(block.start, block.end, block.lead + quoted + block.trail, from, block.lead.length + quoted.length);
  }

  // Alt text is Markdown inside the brackets: escape what would end it or turn into markup.
  function escapeAlt(text) {
    return text.replace(/\s+/g, " ").replace(/[\\[\]*_`|]/g, "\\$&");
  }

  function insertImage(range, image) {
    // An image is a paragraph of its own; the selected words stay, the image goes after them.
    var block = blockRange({ start: range.end, end: range.end });
    var syntax = "![" + escapeAlt(image.alt) + "](image:" + image.id + ")";
    var at = block.lead.length + syntax.length;
    replaceRange(block.start, block.end, block.lead + syntax + block.trail, at, at);
  }

  function insertLink(range, url) {
    var inner = innerRange(range);
    var content = inner.text ? inner.text.replace(/[[\]]/g, "\\$&") : PLACEHOLDER.linkText;
    replaceRange(inner.start, inner.end, "[" + content + "](" + url + ")", 1, 1 + content.length);
  }

  // --- Panels: one open at a time, below the toolbar; Escape closes and returns to the button ---

  function open(name, from) {
    close(false);
    openPanel = panels[name];
    opener = from;
    openPanel.hidden = false;
    from.setAttribute("aria-expanded", "true");
  }

  function close(returnFocus) {
    if (!openPanel) { return; }
    openPanel.hidden = true;
    if (opener) { opener.setAttribute("aria-expanded", "false"); }
    var from = opener;
    openPanel = null;
    opener = null;
    if (returnFocus && from) { from.focus(); }
  }

  function finish() {
    // After writing into the body, focus belongs to the textarea (replaceRange put it there).
    close(false);
    textarea.focus();
  }

  editor.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && openPanel) {
      event.preventDefault();
      // From the textarea, Escape only closes: the writer keeps their place.
      close(event.target !== textarea);
    }
  });

  Array.prototype.forEach.call(editor.querySelectorAll("[data-close]"), function (cancel) {
    cancel.addEventListener("click", function () { close(true); });
  });

  // --- Scope picker ------------------------------------------------------------------------

  var scopes = {
    panel: panels.scopes,
    title: panels.scopes.querySelector(".body-toolbar-panel-title"),
    message: panels.scopes.querySelector("[data-scopes-message]"),
    field: panels.scopes.querySelector("[data-scopes-field]"),
    select: panels.scopes.querySelector("select"),
    help: panels.scopes.querySelector("[data-scope-help]"),
    preview: panels.scopes.querySelector("[data-scope-preview]"),
    insert: panels.scopes.querySelector("[data-scope-insert]"),
    mode: "block",
    request: 0
  };

  function selectedWorkIds() {
    var works = document.getElementById("id_works");
    if (!works) { return []; }
    return Array.prototype.filter.call(works.options, function (option) {
      return option.selected && option.value;
    }).map(function (option) { return option.value; });
  }

  function scopeSyntax(scope) {
    return scopes.mode === "block" ? "::: spoiler " + scope + " … :::" : "||" + scope + ": …||";
  }

  function showScopePreview() {
    var option = scopes.select.selectedOptions[0];
    var usable = Boolean(option && !option.disabled && option.value);
    scopes.preview.textContent = usable ? scopeSyntax(option.value) : "";
    scopes.insert.disabled = !usable;
  }

  function addOption(group, label, value) {
    var option = document.createElement("option");
    option.textContent = label;
    if (value) {
      option.value = value;
    } else {
      option.disabled = true;
    }
    group.appendChild(option);
  }

  function fillScopes(works) {
    scopes.select.textContent = "";
    works.forEach(function (work) {
      var group = document.createElement("optgroup");
      group.label = work.label;
      if (!work.scope) {
        addOption(group, "Its address (" + work.slug + ") cannot be written in a scope", null);
      }
      if (scopes.mode === "block" && work.scope) {
        addOption(group, "All of " + work.title + " (to its end)", work.scope);
      }
      work.seasons.forEach(function (season) {
        if (!season.scope) { return; }
        var named = season.title && season.title !== "Season " + season.number ? " · " + season.title : "";
        addOption(group, "S" + season.number + ", the whole season" + named, season.scope);
        season.episodes.forEach(function (episode) {
          if (episode.scope) {
            addOption(group, episode.code + (episode.title ? " · " + episode.title : ""), episode.scope);
          }
        });
      });
      if (!group.querySelector("option:not([disabled])")) {
        addOption(group, "No seasons recorded yet: add them on the work's page", null);
      }
      scopes.select.appendChild(group);
    });
    var first = scopes.select.querySelector("option:not([disabled])");
    if (first) { first.selected = true; }
    scopes.message.textContent = "";
    scopes.field.hidden = false;
    showScopePreview();
    if (scopes.panel.contains(document.activeElement)) { scopes.select.focus(); }
  }

  function openScopes(mode, from) {
    saved = currentSelection();
    scopes.mode = mode;
    open("scopes", from);
    scopes.title.textContent = mode === "block"
      ? "Spoiler block: how far into the work does it reach?"
      : "Spoiler span: how far into the work does it reach?";
    scopes.help.textContent = mode === "block"
      ? "Only the seasons and episodes recorded for the article's works are offered."
      : "Only the seasons and episodes recorded for the article's works are offered. An inline spoiler names a season or an episode; for a whole work, use Spoiler block.";
    scopes.field.hidden = true;
    scopes.insert.disabled = true;
    scopes.select.textContent = "";
    var ids = selectedWorkIds();
    var request = ++scopes.request;
    if (!ids.length) {
      scopes.message.textContent = "This article covers no work yet. Choose its works under Coverage; " +
        "the spoiler's scope is one of their seasons or episodes.";
      scopes.panel.querySelector("[data-close]").focus();
      return;
    }
    scopes.message.textContent = "Loading the works' seasons and episodes…";
    scopes.panel.querySelector("[data-close]").focus();
    var query = ids.map(function (id) { return "work=" + encodeURIComponent(id); }).join("&");
    getJson(template.dataset.scopesUrl + "?" + query).then(function (data) {
      if (request !== scopes.request || openPanel !== scopes.panel) { return; }
      fillScopes(data.works);
    }, function (error) {
      if (request !== scopes.request) { return; }
      scopes.message.textContent = error.message;
    });
  }

  function insertScope() {
    var option = scopes.select.selectedOptions[0];
    if (!option || option.disabled || !option.value) { return; }
    var range = saved;
    var mode = scopes.mode;
    finish();
    if (mode === "block") {
      insertSpoilerBlock(range, option.value);
    } else {
      insertSpoilerSpan(range, option.value);
    }
  }

  scopes.select.addEventListener("change", showScopePreview);
  scopes.select.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      insertScope();
    }
  });
  scopes.select.addEventListener("dblclick", function (event) {
    if (event.target.tagName === "OPTION") { insertScope(); }
  });
  scopes.insert.addEventListener("click", insertScope);

  // --- Image search --------------------------------------------------------------------------

  var images = {
    search: panels.images.querySelector("input[type=search]"),
    message: panels.images.querySelector("[data-images-message]"),
    list: panels.images.querySelector(".body-toolbar-images"),
    timer: null,
    request: 0
  };

  function imageItem(image) {
    var item = document.createElement("li");
    var choice = document.createElement("button");
    choice.type = "button";
    choice.className = "body-toolbar-image";
    if (image.thumbnail) {
      var thumbnail = document.createElement("img");
      thumbnail.src = image.thumbnail;
      thumbnail.alt = "";
      thumbnail.width = 64;
      thumbnail.loading = "lazy";
      choice.appendChild(thumbnail);
    }
    var words = document.createElement("span");
    var name = document.createElement("span");
    name.className = "body-toolbar-image-name";
    name.textContent = image.title || image.alt;
    var detail = document.createElement("span");
    detail.className = "body-toolbar-image-detail";
    detail.textContent = "#" + image.id + (image.title ? " · alt: " + image.alt : "") + (image.credit ? " · " + image.credit : "");
    words.appendChild(name);
    words.appendChild(detail);
    choice.appendChild(words);
    choice.addEventListener("click", function () {
      var range = saved;
      finish();
      insertImage(range, image);
    });
    item.appendChild(choice);
    return item;
  }

  function searchImages() {
    clearTimeout(images.timer);
    var term = images.search.value.trim();
    var request = ++images.request;
    images.message.textContent = "Searching…";
    getJson(template.dataset.imagesUrl + "?q=" + encodeURIComponent(term)).then(function (data) {
      if (request !== images.request) { return; }
      images.list.textContent = "";
      data.images.forEach(function (image) { images.list.appendChild(imageItem(image)); });
      var count = data.images.length;
      if (!count) {
        images.message.textContent = term ? "No image in the library matches “" + term + "”." : "The library has no images yet.";
      } else if (data.more) {
        images.message.textContent = (term ? "The first " + count + " matches" : "The " + count + " newest images") +
          "; type more to narrow the search.";
      } else {
        images.message.textContent = count === 1 ? "One image." : count + " images.";
      }
    }, function (error) {
      if (request !== images.request) { return; }
      images.list.textContent = "";
      images.message.textContent = error.message;
    });
  }

  function openImages(from) {
    saved = currentSelection();
    open("images", from);
    images.search.value = "";
    images.list.textContent = "";
    images.search.focus();
    searchImages();
  }

  function imageButtons() {
    return Array.prototype.slice.call(images.list.querySelectorAll("button"));
  }

  images.search.addEventListener("input", function () {
    clearTimeout(images.timer);
    images.timer = setTimeout(searchImages, SEARCH_DELAY_MS);
  });
  images.search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      // Enter would submit the article form; here it searches now.
      event.preventDefault();
      searchImages();
    } else if (event.key === "ArrowDown" && imageButtons().length) {
      event.preventDefault();
      imageButtons()[0].focus();
    }
  });
  images.list.addEventListener("keydown", function (event) {
    var all = imageButtons();
    var index = all.indexOf(document.activeElement);
    if (index < 0) { return; }
    if (event.key === "ArrowDown" && index < all.length - 1) {
      event.preventDefault();
      all[index + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (index > 0 ? all[index - 1] : images.search).focus();
    }
  });

  // --- Link ----------------------------------------------------------------------------------

  var link = {
    url: panels.link.querySelector("input"),
    error: panels.link.querySelector("[data-link-error]"),
    insert: panels.link.querySelector("[data-link-insert]")
  };

  // The address as the body can carry it, or why not. The site keeps only https, http, mailto
  // and its own paths; javascript: is refused by name, since it runs code instead of opening a page.
  function checkUrl(raw) {
    var url = raw.trim();
    if (!url) { return { error: "Type the address the link goes to." }; }
    // Browsers ignore tabs, line breaks and control characters inside a scheme ("java\tscript:").
    var squashed = url.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
    if (/^javascript:/.test(squashed)) {
      return { error: "javascript: addresses are not allowed: they run code in the reader's browser instead of " +
        "opening a page, and the site removes them. Paste the page's https:// address." };
    }
    var scheme = /^([a-z][a-z0-9+.-]*):/.exec(squashed);
    if (scheme && KEPT_SCHEMES.indexOf(scheme[1]) < 0) {
      return { error: scheme[1] + ": addresses are not kept: the site links only to https://, http:// and mailto: " +
        "addresses and its own pages." };
    }
    if (!scheme && /^www\./i.test(url)) { url = "https://" + url; }
    // Spaces and brackets would end the Markdown link early.
    return { url: url.replace(/ /g, "%20").replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/</g, "%3C").replace(/>/g, "%3E") };
  }

  function showLinkError(message) {
    link.error.textContent = message;
    if (message) {
      link.url.setAttribute("aria-invalid", "true");
    } else {
      link.url.removeAttribute("aria-invalid");
    }
  }

  function openLink(from) {
    saved = currentSelection();
    if (spansParagraphs(textarea.value.slice(saved.start, saved.end))) {
      say("A link stays within one paragraph; select fewer words.");
      return;
    }
    open("link", from);
    link.url.value = "";
    showLinkError("");
    link.url.focus();
  }

  function insertLinkFromPanel() {
    var checked = checkUrl(link.url.value);
    if (checked.error) {
      showLinkError(checked.error);
      link.url.focus();
      return;
    }
    var range = saved;
    finish();
    insertLink(range, checked.url);
  }

  link.insert.addEventListener("click", insertLinkFromPanel);
  link.url.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      insertLinkFromPanel();
    }
  });
  link.url.addEventListener("input", function () { showLinkError(""); });

  // --- Syntax help: a disclosure, not a dialog; focus stays on its button ----------------------

  function toggleHelp(from) {
    if (openPanel === panels.help) {
      close(false);
    } else {
      open("help", from);
    }
  }

  // --- JSON --------------------------------------------------------------------------------

  function getJson(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          throw new Error(data.error || "The server answered " + response.status + "; reload the page and try again.");
        }
        return data;
      });
    }, function () {
      throw new Error("The server could not be reached; check the connection and try again.");
    });
  }

  // --- The toolbar: one tab stop, arrow keys between buttons (roving tabindex) ------------------

  buttons.forEach(function (item, index) { item.tabIndex = index === 0 ? 0 : -1; });

  function focusButton(index) {
    buttons.forEach(function (item) { item.tabIndex = -1; });
    buttons[index].tabIndex = 0;
    buttons[index].focus();
  }

  toolbar.addEventListener("focusin", function (event) {
    var index = buttons.indexOf(event.target);
    if (index >= 0) {
      buttons.forEach(function (item) { item.tabIndex = -1; });
      buttons[index].tabIndex = 0;
    }
  });

  toolbar.addEventListener("keydown", function (event) {
    var index = buttons.indexOf(document.activeElement);
    if (index < 0) { return; }
    var last = buttons.length - 1;
    var next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      focusButton(next);
    }
  });

  toolbar.addEventListener("click", function (event) {
    var pressed = event.target.closest("button[data-action]");
    if (!pressed) { return; }
    say("");
    var action = pressed.dataset.action;
    if (opener === pressed && action !== "help") {
      // The same button again closes its panel.
      close(true);
      return;
    }
    if (action === "help") {
      toggleHelp(pressed);
      return;
    }
    close(false);
    var range = currentSelection();
    var selected = textarea.value.slice(range.start, range.end);
    if (action === "spoiler-block") {
      openScopes("block", pressed);
    } else if (action === "spoiler-span") {
      if (spansParagraphs(selected)) {
        say("An inline spoiler stays within one paragraph; use Spoiler block for several paragraphs.");
        return;
      }
      openScopes("span", pressed);
    } else if (action === "qa") {
      insertQaTurn(range);
    } else if (action === "quote") {
      insertQuote(range);
    } else if (action === "image") {
      openImages(pressed);
    } else if (action === "link") {
      openLink(pressed);
    }
  });

  editor.dataset.ready = "true";
})();
