/* Injected into a copy of the report by scripts/e2e/run.sh (the report itself has no script):
   measures the rendered page and writes the result as JSON into a pre element with id e2e-result.
   No line comments: run.sh joins the lines. */
(function () {
  var vw = document.documentElement.clientWidth;
  var overflow = [];
  var all = document.querySelectorAll('body *');
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    if (el.closest('.scroll') && !el.classList.contains('scroll')) continue; /* tables scroll inside their box */
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
    var r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > vw + 1 || r.left < -1) {
      overflow.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + el.className : '') + ' [' + Math.round(r.left) + ',' + Math.round(r.right) + ']');
    } else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible' && el.clientWidth > 0 && el.tagName.toLowerCase() !== 'svg') {
      overflow.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' content ' + el.scrollWidth + '>' + el.clientWidth);
    }
  }
  var charts = [];
  var svgs = document.querySelectorAll('svg.chart');
  for (var j = 0; j < svgs.length; j++) {
    var b = svgs[j].getBoundingClientRect();
    charts.push({ id: svgs[j].id, width: Math.round(b.width), height: Math.round(b.height) });
  }
  var out = { viewport: vw, pageWidth: document.documentElement.scrollWidth, overflow: overflow.slice(0, 20), overflowCount: overflow.length, charts: charts };
  var pre = document.createElement('pre');
  pre.id = 'e2e-result';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
