/* Image admin: preview the chosen file, and click (or use the arrow keys on) the preview to set
   the focal point. Writes the point into the ordinary focal_x / focal_y fields, which stay
   editable by hand, so the form works the same without JavaScript. */
(function () {
  "use strict";

  const STEP = 0.02;

  function clamp(value) {
    return Math.min(1, Math.max(0, value));
  }

  function init(picker) {
    const image = picker.querySelector("img");
    const marker = picker.querySelector(".focal-marker");
    const status = picker.parentElement.querySelector("[data-focal-status]");
    const focalX = document.getElementById("id_focal_x");
    const focalY = document.getElementById("id_focal_y");
    const fileInput = document.getElementById("id_file");
    if (!image || !marker || !focalX || !focalY) {
      return;
    }

    function read(input) {
      const value = parseFloat(input.value);
      return Number.isFinite(value) ? clamp(value) : 0.5;
    }

    function place() {
      marker.style.left = read(focalX) * 100 + "%";
      marker.style.top = read(focalY) * 100 + "%";
    }

    function set(x, y) {
      focalX.value = clamp(x).toFixed(3);
      focalY.value = clamp(y).toFixed(3);
      place();
    }

    image.addEventListener("click", function (event) {
      const box = image.getBoundingClientRect();
      set((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    });

    image.addEventListener("keydown", function (event) {
      const moves = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        set(read(focalX) + move[0], read(focalY) + move[1]);
      }
    });

    focalX.addEventListener("input", place);
    focalY.addEventListener("input", place);

    if (fileInput) {
      fileInput.addEventListener("change", function () {
        const file = fileInput.files && fileInput.files[0];
        if (!file) {
          return;
        }
        image.src = URL.createObjectURL(file);
        picker.hidden = false;
        if (status) {
          status.textContent = "Preview of the file you chose; it is checked when you save. Click it to set the focal point.";
        }
      });
    }
    place();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-focal-picker]").forEach(init);
  });
})();
