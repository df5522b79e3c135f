// The Content-Security-Policy of each page we build (webpack.config.js), kept in one place so the
// deployment kit and the single-file app change them knowingly.
const MICROSOFT = "https://appsforoffice.microsoft.com";
const MICROSOFT_OFFICE_JS = `${MICROSOFT}/lib/1/hosted/office.js`;

/** The task pane: no network destination but office.js; the workbook's data never leaves the machine. */
const PANE_CSP =
  `default-src 'self'; script-src 'self' ${MICROSOFT}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; ` +
  `connect-src 'self'; frame-src 'self' ${MICROSOFT}; object-src 'none'; base-uri 'none'; form-action 'none'`;

/** The browser app: its own scripts and styles only, no connection at all, downloads as blob: URLs. */
const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

/**
 * WPS's pages: WPS loads an add-in from its folder (file://) or an intranet server; scripts and images
 * only from there, no connection anywhere.
 */
const WPS_CSP =
  "default-src 'self' file:; script-src 'self' file:; style-src 'self' 'unsafe-inline'; img-src 'self' file: data:; " +
  "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

module.exports = { MICROSOFT, MICROSOFT_OFFICE_JS, PANE_CSP, APP_CSP, WPS_CSP };
