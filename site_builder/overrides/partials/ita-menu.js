(function () {
  var drawer = document.getElementById("__drawer"), button = document.querySelector(".ita-menu");
  if (!drawer || !button) return;
  function sync() { button.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); }
  button.addEventListener("click", function () { drawer.checked = !drawer.checked; sync(); });
  drawer.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Escape" && drawer.checked) {
      drawer.checked = false; sync(); button.focus();
    } else if ((event.key === "Enter" || event.key === " ") && target.matches("label[tabindex][for]")) {
      event.preventDefault(); target.click();
    }
  });
})();
