import { THEME_COOKIE } from "./theme";

/**
 * The two inline scripts every page carries (decision 067). The root layout is static, so the
 * server no longer writes the chosen theme into <html>: this one reads the cookie and sets
 * `data-theme` before the body paints (it runs where it stands, first in <body>), so there is
 * still no flash. Fixed text, so the CSP allows it by its hash on every page, static or dynamic.
 */
export const THEME_SCRIPT = `(function(){var m=document.cookie.match(/(?:^|; )${THEME_COOKIE}=(light|dark)(?:;|$)/);if(m)document.documentElement.setAttribute("data-theme",m[1])})()`;

/**
 * After the header's theme switch: marks the chosen button pressed. A static page cannot know the
 * visitor's choice when it is built; a dynamic page already rendered it, and this agrees.
 */
export const THEME_SWITCH_SCRIPT = `(function(){var t=document.documentElement.getAttribute("data-theme")||"system";document.querySelectorAll("[data-theme-switch] button").forEach(function(b){b.setAttribute("aria-pressed",String(b.value===t))})})()`;
