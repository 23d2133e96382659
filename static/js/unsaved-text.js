// Unsaved text survives a crash, a timeout or a closed tab: what the editor types in the article
// form is kept in this browser (localStorage) as they type. When the form opens again with other
// text than was kept, a notice offers to restore it or discard it. Text equal to the form's is
// dropped at once: it was saved.
(function () {
  "use strict";
  var FIELDS = ["id_headline", "id_dek", "id_body", "id_verdict"];
  var script = document.currentScript;

  function start() {
    var form = document.getElementById("article_form");
    if (!form || !window.localStorage) { return; }
    var key = "callboard:article:" + (script.dataset.article || "new");
    var versionInput = form.querySelector("[name=base_version]");
    var fields = FIELDS.map(function (id) { return document.getElementById(id); }).filter(Boolean);
    var kept = read(key);

    if (kept && differs(kept, fields)) {
      offer(form, kept, fields, key, versionInput);
    } else if (kept) {
      window.localStorage.removeItem(key);
    }

    form.addEventListener("input", function (event) {
      if (fields.indexOf(event.target) === -1) { return; }
      var values = {};
      fields.forEach(function (field) { values[field.id] = field.value; });
      try {
        window.localStorage.setItem(key, JSON.stringify({
          values: values,
          at: new Date().toISOString(),
          version: versionInput ? versionInput.value : ""
        }));
      } catch (error) { /* storage full or refused: nothing to keep */ }
    });
  }

  function read(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (error) { return null; }
  }

  function differs(kept, fields) {
    return fields.some(function (field) {
      return kept.values && field.id in kept.values && kept.values[field.id] !== field.value;
    });
  }

  function offer(form, kept, fields, key, versionInput) {
    var notice = document.createElement("div");
    notice.className = "module unsaved-text";
    notice.setAttribute("role", "region");
    notice.setAttribute("aria-label", "Unsaved text");
    var text = document.createElement("p");
    var when = new Date(kept.at);
    text.textContent = "This browser kept text you typed here on " + when.toLocaleString() +
      " that was never saved.";
    if (versionInput && kept.version && kept.version !== versionInput.value) {
      text.textContent += " The article has been saved since (version " + kept.version + " then, " +
        versionInput.value + " now): compare before saving, or you may undo someone's change.";
    }
    notice.appendChild(text);
    var restore = button("Restore my unsaved text", function () {
      fields.forEach(function (field) {
        if (field.id in kept.values) {
          field.value = kept.values[field.id];
          field.dispatchEvent(new Event("input", { bubbles: true }));
        }
      });
      notice.remove();
      fields[0].focus();
    });
    var discard = button("Discard it", function () {
      window.localStorage.removeItem(key);
      notice.remove();
    });
    notice.appendChild(restore);
    notice.appendChild(document.createTextNode(" "));
    notice.appendChild(discard);
    form.insertBefore(notice, form.firstElementChild);
  }

  function button(label, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "button";
    element.textContent = label;
    element.addEventListener("click", action);
    return element;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
