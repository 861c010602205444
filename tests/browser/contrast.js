// In-page contrast measurement (run with page.evaluate): every visible text
// against its effective background, and every focus indicator against the
// background around the focused element. Self-contained: it runs in the page.

/**
 * Returns a list of failures "path selector: ratio (fg on bg)". Text needs
 * 4.5:1, large text (≥ 24 px, or ≥ 18.66 px bold) 3:1; a focus indicator
 * (outline, or the ring its box-shadow draws) 3:1 against the background
 * it is drawn on. Text of one colour is never compared with itself: text
 * whose ratio is 1:1 fails too (it is invisible).
 */
export function measureContrast({ focus = true } = {}) {
  const parse = (value) => {
    const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+%?))?\)/.exec(value || "");
    if (!m) return null;
    let alpha = m[4] === undefined ? 1 : m[4].endsWith("%") ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [+m[1], +m[2], +m[3], alpha];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const hex = (c) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
  // The background an element is drawn on: its own and its ancestors'
  // background colours, composed until an opaque one; white (the canvas) under all.
  const background = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const colour = parse(getComputedStyle(e).backgroundColor);
      if (colour && colour[3] > 0) {
        layers.push(colour);
        if (colour[3] >= 1) break;
      }
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const path = (element) => {
    const parts = [];
    for (let e = element; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      let part = e.tagName.toLowerCase();
      if (e.id) {
        parts.unshift(part + "#" + e.id);
        break;
      }
      const classes = typeof e.className === "string" ? e.className.trim().split(/\s+/).filter(Boolean) : [];
      if (classes.length) part += "." + classes.slice(0, 2).join(".");
      parts.unshift(part);
    }
    return parts.join(" > ");
  };
  // Clipped to nothing (.visually-hidden) or not rendered.
  const shown = (element) => {
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    for (let e = element; e; e = e.parentElement) {
      const box = e.getBoundingClientRect();
      const style = getComputedStyle(e);
      if (style.overflow !== "visible" && (box.width <= 1 || box.height <= 1)) return false;
    }
    return true;
  };

  for (const details of document.querySelectorAll("details")) details.open = true;
  const failures = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.data.trim() || seen.has(element) || !element) continue;
    seen.add(element);
    if (["SCRIPT", "STYLE", "TITLE", "DESC", "NOSCRIPT", "OPTION"].includes(element.tagName.toUpperCase())) continue;
    if (!shown(element)) continue;
    const style = getComputedStyle(element);
    const svg = element instanceof SVGElement;
    const bg = background(element);
    const fg = over(parse(svg ? style.fill : style.color) || [0, 0, 0, 1], bg);
    let size = parseFloat(style.fontSize);
    if (svg) size *= element.getScreenCTM()?.a || 1;
    const bold = parseInt(style.fontWeight, 10) >= 700;
    const large = size >= 24 || (size >= 18.66 && bold);
    const r = ratio(fg, bg);
    if (r < (large ? 3 : 4.5)) failures.add(`${path(element)}: ${r.toFixed(2)} (${hex(fg)} on ${hex(bg)})`);
  }
  if (focus) {
    const focusable = document.querySelectorAll(
      "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])");
    for (const element of focusable) {
      if (!shown(element) || element.disabled) continue;
      element.focus({ preventScroll: true });
      if (document.activeElement !== element) continue;
      const style = getComputedStyle(element);
      const bg = background(element.parentElement || element);
      const colours = [];
      if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1) colours.push(parse(style.outlineColor));
      // A ring drawn by box-shadow (no offset, no blur, a spread of at least 1 px).
      const ring = /(rgba?\([^)]*\))\s+0px\s+0px\s+0px\s+([\d.]+)px/.exec(style.boxShadow);
      if (ring && parseFloat(ring[2]) >= 1) colours.push(parse(ring[1]));
      const best = colours.filter(Boolean).map((c) => [ratio(over(c, bg), bg), c]).sort((a, b) => b[0] - a[0])[0];
      if (!best) failures.add(`${path(element)} :focus: no outline`);
      else if (best[0] < 3) failures.add(`${path(element)} :focus: ${best[0].toFixed(2)} (${hex(best[1])} on ${hex(bg)})`);
    }
    document.activeElement?.blur();
  }
  return [...failures];
}
