/* Embassy Hub read beacon (docs/analytics.md): one POST per page view, no cookie, no storage.
   DNT or GPC: counted without a visitor hash. data-page: the page id; data-endpoint: the hub's /api/v1/analytics/hit */
(function (d, n, w) {
  var s = d.currentScript;
  if (!s || !n.sendBeacon) return;
  var dnt = n.doNotTrack === "1" || w.doNotTrack === "1" || n.globalPrivacyControl === true;
  function send() {
    var b = {url: location.href, referrer: d.referrer, language: n.language || "", dnt: dnt};
    if (s.dataset.page) b.page = +s.dataset.page;
    n.sendBeacon(s.dataset.endpoint || "/api/v1/analytics/hit", new Blob([JSON.stringify(b)], {type: "text/plain"}));
  }
  if (d.prerendering) d.addEventListener("prerenderingchange", send, {once: true}); else send();
})(document, navigator, window);
