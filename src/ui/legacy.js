/* 考核规则: the one script an old engine can run (ES3, no let/arrow/template). When the page's own
   scripts never started (an engine too old to parse them) or office.js did not load (an intranet that
   cannot reach the CDN), it says so in plain words instead of leaving the pane blank. The browser app
   (body data-host="browser") has no office.js: only its engine is checked, with its own words. */
(function () {
  var TEXT = {
    engine:
      "此版本的 Office 无法运行「考核规则」任务窗格：需要 Excel 2021、LTSC 2024、Microsoft 365 或网页版 Excel。" +
      "下发的模板（通用公式）不需要加载项，可在任何版本的 Excel 和 WPS 表格中填写。" +
      " / This Office cannot run the Appraisal Rules pane: it needs Excel 2021, LTSC 2024, Microsoft 365 or Excel on the web." +
      " Templates with plain formulas need no add-in.",
    browser:
      "此浏览器版本过旧，无法运行「考核规则网页版」：需要 Chromium 80 以上内核（360安全浏览器、奇安信可信浏览器请切换到极速模式）或 Firefox 78 以上（含 ESR）。" +
      " / This browser is too old for the Appraisal Rules web app: it needs a Chromium 80+ or Firefox 78+ engine.",
    officeJs:
      "未能加载 office.js（Office 加载项的基础脚本）。内网无法访问微软 CDN 时，请管理员按部署说明改用内网副本" +
      "（npm run package -- --office-js local）。 / office.js did not load. Where the network cannot reach Microsoft's CDN," +
      " deploy with a local copy (npm run package -- --office-js local)."
  };
  function show(text) {
    var box = document.getElementById("legacy");
    if (!box) return;
    box.innerText = text;
    box.removeAttribute("hidden");
    box.style.display = "block";
  }
  function check() {
    var browser = document.body && document.body.getAttribute("data-host") === "browser";
    if (browser) {
      if (!window.kaoheStarted) show(TEXT.browser);
    } else if (typeof window.Office === "undefined") show(TEXT.officeJs);
    else if (!window.kaoheStarted) show(TEXT.engine);
  }
  // Blocking scripts have all run (or failed) by the load event.
  if (window.addEventListener) window.addEventListener("load", check, false);
  else if (window.attachEvent) window.attachEvent("onload", check);
})();
