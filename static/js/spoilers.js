// Spoiler reveals, enhanced. Without this script the server's markup already works: a <details>
// for sections and a checkbox for inline spoilers. With it, each becomes a labelled button with
// aria-expanded, and hidden content stays out of the accessibility tree until revealed.
(function () {
  "use strict";
  var counter = 0;

  function makeButton(label, expanded, controls) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "spoiler-button";
    button.setAttribute("aria-controls", controls);
    button.dataset.label = label;
    setState(button, expanded);
    return button;
  }

  function setState(button, expanded) {
    var content = document.getElementById(button.getAttribute("aria-controls"));
    button.setAttribute("aria-expanded", expanded ? "true" : "false");
    button.textContent = expanded ? button.dataset.label.replace("Reveal", "Hide") : button.dataset.label;
    if (content) { content.hidden = !expanded; }
  }

  function enhanceSection(details) {
    var summary = details.querySelector(":scope > summary");
    var content = details.querySelector(":scope > .spoiler-content");
    if (!summary || !content) { return; }
    var wrapper = document.createElement("div");
    wrapper.className = "spoiler spoiler--enhanced";
    wrapper.dataset.spoiler = details.dataset.spoiler;
    wrapper.setAttribute("data-nosnippet", "");
    content.id = content.id || "spoiler-section-" + (++counter);
    var button = makeButton(summary.textContent.trim(), details.open, content.id);
    wrapper.appendChild(button);
    wrapper.appendChild(content);
    details.replaceWith(wrapper);
    setState(button, button.getAttribute("aria-expanded") === "true");
  }

  function enhanceInline(span) {
    var checkbox = span.querySelector(":scope > input.spoiler-toggle");
    var label = span.querySelector(":scope > label.spoiler-reveal");
    var content = span.querySelector(":scope > .spoiler-content");
    if (!checkbox || !label || !content) { return; }
    content.id = content.id || "spoiler-inline-" + (++counter);
    var button = makeButton(label.textContent.trim(), checkbox.checked, content.id);
    checkbox.remove();
    label.replaceWith(button);
    span.classList.add("spoiler--enhanced");
    setState(button, button.getAttribute("aria-expanded") === "true");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".spoiler-button");
    if (!button) { return; }
    setState(button, button.getAttribute("aria-expanded") !== "true");
  });

  document.querySelectorAll("details.spoiler").forEach(enhanceSection);
  document.querySelectorAll("span.spoiler").forEach(enhanceInline);
})();
