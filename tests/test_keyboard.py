"""Keyboard use of the demo's pages in Chromium: the menu is a button in the Tab order, the
closed drawer is not, and every Tab stop is visible with a visible focus indicator, on a
phone (360 px) and on a desktop zoomed to 200 % (1280 px seen as 640 CSS px)."""

from __future__ import annotations

import pytest

# What the focused element looks like: why a Tab stop would be invisible, or '' when it is not.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {name: "body", problem: "focus on nothing"};
  const name = (el.tagName + " " + (el.getAttribute("aria-label") || el.textContent || "")).trim().slice(0, 60);
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  let opacity = 1;
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) opacity *= parseFloat(getComputedStyle(n).opacity);
  let problem = "";
  if (r.width < 1 || r.height < 1) problem = "no size";
  else if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) problem = "off screen";
  else if (style.visibility !== "visible" || opacity < 0.5) problem = "hidden";
  else if ((style.outlineStyle === "none" || parseFloat(style.outlineWidth) === 0) && style.boxShadow === "none"
           && !el.matches(".md-skip"))
    problem = "no focus indicator";
  return {name, problem};
}"""


def tab_stops(browser, url: str, width: int, height: int, scale: float, count: int = 40) -> list[dict]:
    page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page.goto(url)
    # Stops are judged where they settle, not halfway through a fade-in (the skip link).
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop["name"] == "body":
            break  # past the last stop, into the browser's own controls
        stops.append(stop)
    page.close()
    return stops


@pytest.mark.parametrize("page", ["2567/o21/", "", "2567/measures/", "search/"])
@pytest.mark.parametrize("width,height,scale", [(360, 740, 1), (640, 400, 2)], ids=["phone-360", "desktop-1280-zoom-200"])
def test_first_40_tab_stops_are_visible(demo_build, browser, page, width, height, scale):
    url = (demo_build.path / "site" / page / "index.html").as_uri()
    stops = tab_stops(browser, url, width, height, scale)
    assert len(stops) > 8 and [s for s in stops if s["problem"]] == [], stops
    if page != "search/":  # the search page opens with the focus in its field, past the menu
        assert any(s["name"].startswith("BUTTON") and "เมนู" in s["name"] for s in stops[:8])


def test_menu_button_opens_the_drawer_and_escape_closes_it(demo_build, browser):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto((demo_build.path / "site/2567/o21/index.html").as_uri())
    button = page.locator("button.ita-menu")
    drawer_link = page.locator(".md-sidebar--primary a.md-nav__link").first
    assert button.get_attribute("aria-expanded") == "false" and not drawer_link.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(400)  # the slide-in
    assert page.locator(".md-sidebar--primary").evaluate("e => getComputedStyle(e).visibility") == "visible"
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('ita-menu')")
    page.close()
