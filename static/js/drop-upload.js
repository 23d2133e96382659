// Drag and drop for the image library's file field: a picture dropped anywhere on the field's row
// is put in the file input, exactly as if it had been chosen, so the preview and the focal point
// picker follow (focal-point.js listens for the input's change). One file; anything that is not
// an image is refused with a message, and the input keeps what it had.
(function () {
  "use strict";

  function init(input) {
    var row = input.closest(".form-row") || input.parentNode;
    var hint = document.createElement("p");
    hint.className = "help drop-hint";
    hint.textContent = "Or drop a picture here.";
    hint.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", hint);
    var depth = 0;

    row.addEventListener("dragenter", function (event) {
      if (!hasFiles(event)) { return; }
      event.preventDefault();
      depth += 1;
      row.classList.add("drop-target");
    });
    row.addEventListener("dragover", function (event) {
      if (!hasFiles(event)) { return; }
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
    });
    row.addEventListener("dragleave", function () {
      depth = Math.max(0, depth - 1);
      if (!depth) { row.classList.remove("drop-target"); }
    });
    row.addEventListener("drop", function (event) {
      if (!hasFiles(event)) { return; }
      event.preventDefault();
      depth = 0;
      row.classList.remove("drop-target");
      var files = event.dataTransfer.files;
      if (files.length !== 1) {
        hint.textContent = "Drop one picture at a time.";
        return;
      }
      if (!/^image\//.test(files[0].type)) {
        hint.textContent = "“" + files[0].name + "” is not a picture; drop a JPEG, PNG, WebP or GIF.";
        return;
      }
      input.files = files;
      hint.textContent = "“" + files[0].name + "” is ready; it is checked when you save.";
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }

  function hasFiles(event) {
    return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") !== -1;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[type=file][accept^='image'], input[type=file][name=file]").forEach(init);
  });
})();
