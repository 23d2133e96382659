// The live preview under the article body: within a second of a pause in typing, the form is
// posted to the preview address and the answer drawn in a sandboxed frame, with the social card
// beside it. Nothing is saved. The frame's page loads only the site's own stylesheet and script.
(function () {
  "use strict";
  var script = document.currentScript;
  var PAUSE_MS = 500;

  function start() {
    var form = document.getElementById("article_form");
    var body = document.getElementById("id_body");
    var template = document.getElementById("live-preview-template");
    if (!form || !body || !template) { return; }
    var panel = template.content.firstElementChild.cloneNode(true);
    var bodyRow = body.closest("fieldset") || body.parentNode;
    bodyRow.parentNode.insertBefore(panel, bodyRow.nextSibling);

    // A sandboxed frame without same-origin rights: the preview's page runs only the site's own
    // spoiler script and can reach nothing of the admin's.
    var frame = document.createElement("iframe");
    frame.className = "live-preview-frame";
    frame.title = "Preview of the article as readers see it";
    frame.setAttribute("sandbox", "allow-scripts");
    var slot = panel.querySelector(".live-preview-frame-slot");
    slot.parentNode.replaceChild(frame, slot);
    var status = panel.querySelector(".live-preview-status");
    var warnings = panel.querySelector(".live-preview-warnings");
    var spoilers = panel.querySelector("#live-preview-spoilers");
    var through = panel.querySelector("#live-preview-through");
    var timer = null;
    var sent = 0;

    function fill(selector, text) { panel.querySelector(selector).textContent = text; }

    function showThrough(choices) {
      var chosen = through.value;
      while (through.options.length > 1) { through.remove(1); }
      choices.forEach(function (choice) {
        var option = new Option(choice.label, choice.value);
        option.selected = choice.value === chosen;
        through.add(option);
      });
    }

    function show(answer) {
      frame.srcdoc = answer.document;
      fill(".social-card-site", answer.card.site);
      fill(".social-card-title", answer.card.title);
      fill(".social-card-description", answer.card.description);
      var image = panel.querySelector(".social-card-image");
      image.hidden = !answer.card.image;
      if (answer.card.image) { image.src = answer.card.image; }
      panel.querySelector(".social-card").classList.toggle("social-card--large", answer.card.large);
      warnings.textContent = "";
      answer.warnings.forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        warnings.appendChild(item);
      });
      showThrough(answer.through);
    }

    function refresh() {
      var data = new FormData(form);
      data.set("preview_of", script.dataset.previewOf || "");
      data.set("preview_spoilers", spoilers.value);
      data.set("preview_through", through.value);
      // Files are not part of a preview; the hero image is named by its key.
      Array.prototype.slice.call(form.querySelectorAll("input[type=file]")).forEach(function (input) {
        data.delete(input.name);
      });
      var number = ++sent;
      status.textContent = "Updating…";
      fetch(script.dataset.previewUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value }
      }).then(function (response) {
        if (!response.ok) { throw new Error("The preview answered " + response.status + "."); }
        return response.json();
      }).then(function (answer) {
        if (number !== sent) { return; }  // a newer preview is on its way
        show(answer);
        status.textContent = "Up to date.";
      }).catch(function (error) {
        if (number === sent) { status.textContent = "Preview not updated: " + error.message; }
      });
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, PAUSE_MS);
    }

    form.addEventListener("input", function (event) {
      if (!panel.contains(event.target)) { later(); }
    });
    form.addEventListener("change", function (event) {
      if (!panel.contains(event.target)) { later(); }
    });
    spoilers.addEventListener("change", refresh);
    through.addEventListener("change", refresh);
    Array.prototype.slice.call(panel.querySelectorAll("[data-preview-width]")).forEach(function (button) {
      button.addEventListener("click", function () {
        panel.querySelectorAll("[data-preview-width]").forEach(function (other) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
        });
        frame.classList.toggle("live-preview-frame--phone", button.dataset.previewWidth === "phone");
      });
    });
    refresh();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
