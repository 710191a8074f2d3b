/// The HTML report's template (mustache, rendered by swift-mustache: `{{x}}` escapes x for HTML).
/// One self-contained page: styles and the table's script inline, no font, image or script from
/// the network. The one unescaped value is `rowsJSON`, JSON whose `<` are written `\u003c`.
enum HTMLReportTemplate {
    static let text = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
    <title>danecheck: {{title}}</title>
    <style>
    body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; margin: 0 auto; max-width: 1200px; padding: 16px 24px; color: #222; }
    h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
    .meta { color: #555; } .outcome { display: inline-block; color: #fff; padding: 2px 8px; border-radius: 4px; font-weight: 600; }
    .bar { display: flex; height: 26px; border-radius: 4px; overflow: hidden; margin: 6px 0 2px; background: #eee; }
    .bar span { display: block; height: 100%; min-width: 2px; }
    .keys { display: flex; flex-wrap: wrap; gap: 4px 16px; margin-bottom: 8px; }
    .keys .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; }
    table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eee; vertical-align: top; }
    th { background: #f6f6f6; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .word { font-weight: 600; } .reason { color: #333; word-break: break-word; } .small { color: #666; font-size: 12px; }
    ul.findings { margin: 2px 0 0; padding-left: 18px; color: #555; font-size: 12px; }
    #rows-table th { cursor: pointer; user-select: none; } #rows-table th[aria-sort="ascending"]::after { content: " ▲"; } #rows-table th[aria-sort="descending"]::after { content: " ▼"; }
    .controls { display: flex; gap: 8px; align-items: center; margin: 8px 0; flex-wrap: wrap; }
    .controls input { flex: 1; min-width: 200px; padding: 4px 6px; } svg text { font-size: 10px; fill: #555; }
    .none { color: #666; font-style: italic; } 
    </style>
    </head>
    <body>
    <h1>danecheck: {{title}}</h1>
    <p class="meta">Generated {{generated}} · <span id="total">{{total}}</span> domains · policy: {{policy}} · <span class="outcome" id="outcome" style="background: {{outcomeColor}}">{{outcome}}</span></p>

    <h2>Verdicts</h2>
    <div class="bar" id="verdict-bar">{{#verdicts}}<span style="width: {{percent}}%; background: {{color}}" title="{{word}}: {{count}}"></span>{{/verdicts}}</div>
    <div class="keys">{{#verdicts}}<span><span class="swatch" style="background: {{color}}"></span>{{word}} <b class="count" data-verdict="{{word}}">{{count}}</b></span>{{/verdicts}}</div>
    <h2>Exit classes (with the policy's gates)</h2>
    <div class="bar" id="class-bar">{{#classes}}<span style="width: {{percent}}%; background: {{color}}" title="{{word}}: {{count}}"></span>{{/classes}}</div>
    <div class="keys">{{#classes}}<span><span class="swatch" style="background: {{color}}"></span>{{word}} <b class="count" data-class="{{word}}">{{count}}</b></span>{{/classes}}</div>

    {{#first(problems)}}<h2>Input errors</h2>{{/first(problems)}}
    {{#problems}}<p class="reason problem">{{.}}</p>{{/problems}}
    {{#runFindings}}<p class="reason run-finding">{{.}}</p>{{/runFindings}}

    <h2>The <span id="failing">{{failing}}</span> domains that fail, defer and bogus first</h2>
    {{^attention}}<p class="none">No domain fails.</p>{{/attention}}
    {{#first(attention)}}<table id="attention"><thead><tr><th>domain</th><th>verdict</th><th>class</th><th>reason</th></tr></thead><tbody>{{/first(attention)}}
    {{#attention}}<tr><td>{{domain}}</td><td class="word" style="color: {{color}}">{{verdict}}</td><td>{{exitClass}}</td><td class="reason">{{reason}}{{#first(findings)}}<ul class="findings">{{/first(findings)}}{{#findings}}<li>{{.}}</li>{{/findings}}{{#first(findings)}}</ul>{{/first(findings)}}</td></tr>
    {{/attention}}
    {{#first(attention)}}</tbody></table>{{/first(attention)}}
    {{#attentionMore}}<p class="small">and {{attentionMore}} more: filter the table below by class.</p>{{/attentionMore}}

    <h2>Findings by kind</h2>
    {{^kinds}}<p class="none">No findings.</p>{{/kinds}}
    {{#first(kinds)}}<table id="kinds"><thead><tr><th>kind</th><th>severity</th><th class="num">domains</th><th>meaning</th></tr></thead><tbody>{{/first(kinds)}}
    {{#kinds}}<tr><td>{{kind}}</td><td class="word" style="color: {{color}}">{{severity}}</td><td class="num" data-kind="{{kind}}">{{domains}}</td><td>{{meaning}}</td></tr>
    {{/kinds}}
    {{#first(kinds)}}</tbody></table>{{/first(kinds)}}

    <h2>Expiry: certificates and RRSIGs over the next 90 days</h2>
    <p class="small">Each domain's earliest server certificate and earliest RRSIG, by the day it expires. Already expired: <b id="expired-certificates">{{expiredCertificates}}</b> certificates, <b id="expired-signatures">{{expiredSignatures}}</b> RRSIGs.
    <span class="keys" style="display: inline-flex"><span><span class="swatch" style="background: #0a879a"></span>certificate</span><span><span class="swatch" style="background: #6131a3"></span>RRSIG</span></span></p>
    <svg id="timeline" width="100%" viewBox="-36 -4 792 126" preserveAspectRatio="xMinYMin meet" role="img" aria-label="expiries per day">
    <line x1="0" y1="100" x2="720" y2="100" stroke="#999"/>
    {{#ticks}}<line x1="{{x}}" y1="100" x2="{{x}}" y2="104" stroke="#999"/><text x="{{x}}" y="116" text-anchor="middle">{{label}}</text>
    {{/ticks}}
    {{#bars}}<g><title>{{title}}</title><rect x="{{x}}" y="{{certificateY}}" width="7" height="{{certificateHeight}}" fill="#0a879a"/><rect x="{{x}}" y="{{signatureY}}" width="7" height="{{signatureHeight}}" fill="#6131a3"/></g>
    {{/bars}}
    </svg>
    {{#first(expiries)}}<table id="expiries"><thead><tr><th>domain</th><th>what</th><th>expires</th><th>when</th></tr></thead><tbody>{{/first(expiries)}}
    {{#expiries}}<tr><td>{{domain}}</td><td>{{what}}</td><td>{{date}}</td><td{{#past}} style="color: #be1515"{{/past}}>{{days}}</td></tr>
    {{/expiries}}
    {{#first(expiries)}}</tbody></table>{{/first(expiries)}}

    <h2>MX hosts shared by many domains: their warnings</h2>
    {{^hosts}}<p class="none">No host finding.</p>{{/hosts}}
    {{#first(hosts)}}<table id="hosts"><thead><tr><th>host</th><th>severity</th><th class="num">domains</th><th>warning</th></tr></thead><tbody>{{/first(hosts)}}
    {{#hosts}}<tr><td>{{host}}</td><td class="word" style="color: {{color}}">{{severity}}</td><td class="num">{{domains}}</td><td class="reason">{{message}}<div class="small">{{examples}}</div></td></tr>
    {{/hosts}}
    {{#first(hosts)}}</tbody></table>{{/first(hosts)}}
    {{#hostsMore}}<p class="small">and {{hostsMore}} more.</p>{{/hostsMore}}

    <h2>Every domain</h2>
    <noscript><p>The table needs JavaScript (inline, nothing is loaded); everything above does not.</p></noscript>
    <div class="controls"><input id="rows-filter" type="search" placeholder="filter: domain, host, reason or finding"><select id="rows-select"><option value="">every verdict and class</option>{{#verdicts}}<option value="v:{{word}}">verdict {{word}}</option>{{/verdicts}}{{#classes}}<option value="c:{{word}}">class {{word}}</option>{{/classes}}</select>
    <button id="rows-prev" type="button">◀</button><span id="rows-info"></span><button id="rows-next" type="button">▶</button></div>
    <table id="rows-table"><thead><tr><th data-col="0">domain</th><th data-col="1">verdict</th><th data-col="2">class</th><th data-col="3">via</th><th data-col="4">reason and findings</th><th data-col="5">worst</th><th data-col="7" class="num">ms</th></tr></thead><tbody id="rows-body"></tbody></table>
    <script type="application/json" id="rows-data">{{{rowsJSON}}}</script>
    <script>
    (function () {
      "use strict";
      var table = JSON.parse(document.getElementById("rows-data").textContent), strings = table.strings;
      var data = table.rows.map(function (r) { return [r[0], r[1], r[2], strings[r[3]], strings[r[4]], r[5], strings[r[6]], r[7]]; });
      var body = document.getElementById("rows-body"), info = document.getElementById("rows-info");
      var filter = document.getElementById("rows-filter"), select = document.getElementById("rows-select");
      var prev = document.getElementById("rows-prev"), next = document.getElementById("rows-next");
      var headers = document.querySelectorAll("#rows-table th");
      var PAGE = 100, page = 0, column = -1, direction = 1, view = data, timer = null;
      var SEVERITY = { "": 0, notice: 1, warning: 2, critical: 3 };
      var COLORS = { authenticated: "#0a879a", verified: "#2e7d32", trusted: "#689f38", encrypted: "#9e9d24", opportunistic: "#9e9e9e",
                     "defer": "#be1515", undeliverable: "#6d4c41", unknown: "#f4b800" };
      function key(row) { return column === 5 ? SEVERITY[row[5]] : row[column]; }
      function compare(a, b) { var x = key(a), y = key(b); return (x < y ? -1 : x > y ? 1 : a[0] < b[0] ? -1 : 1) * direction; }
      function apply() {
        var text = filter.value.trim().toLowerCase(), choice = select.value;
        view = data.filter(function (row) {
          if (choice && !((choice.charAt(0) === "v" && row[1] === choice.slice(2)) || (choice.charAt(0) === "c" && row[2] === choice.slice(2)))) return false;
          return !text || row[0].toLowerCase().indexOf(text) >= 0 || row[3].toLowerCase().indexOf(text) >= 0
            || row[4].toLowerCase().indexOf(text) >= 0 || row[6].toLowerCase().indexOf(text) >= 0;
        });
        if (column >= 0) view = view.slice().sort(compare);
        page = 0;
        draw();
      }
      function draw() {
        var start = page * PAGE, rows = view.slice(start, start + PAGE), fragment = document.createDocumentFragment();
        rows.forEach(function (row) {
          var tr = document.createElement("tr");
          [0, 1, 2, 3, 4, 5, 7].forEach(function (i) {
            var td = document.createElement("td");
            td.textContent = row[i];
            if (i === 1) { td.className = "word"; td.style.color = COLORS[row[1]] || "#222"; }
            if (i === 4) {
              td.className = "reason";
              // The findings under the reason, one an item, as the list of failing domains shows them.
              if (row[6]) {
                var list = document.createElement("ul");
                list.className = "findings";
                row[6].split("\\n").forEach(function (line) { var item = document.createElement("li"); item.textContent = line; list.appendChild(item); });
                td.appendChild(list);
              }
            }
            if (i === 7) td.className = "num";
            tr.appendChild(td);
          });
          fragment.appendChild(tr);
        });
        body.replaceChildren(fragment);
        info.textContent = view.length === 0 ? "no domain matches" : (start + 1) + "–" + (start + rows.length) + " of " + view.length
          + (view.length !== data.length ? " (" + data.length + " in all)" : "");
        prev.disabled = page === 0;
        next.disabled = start + PAGE >= view.length;
      }
      headers.forEach(function (th, index) {
        th.addEventListener("click", function () {
          direction = column === parseInt(th.getAttribute("data-col"), 10) ? -direction : 1;
          column = parseInt(th.getAttribute("data-col"), 10);
          headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
          apply();
        });
      });
      filter.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
      select.addEventListener("change", apply);
      prev.addEventListener("click", function () { if (page > 0) { page--; draw(); } });
      next.addEventListener("click", function () { if ((page + 1) * PAGE < view.length) { page++; draw(); } });
      // A view named in the address: #q=TEXT&only=v:VERDICT|c:CLASS&sort=N (column N from 1, -N descending).
      var state = new URLSearchParams(location.hash.slice(1)), sort = parseInt(state.get("sort") || "0", 10);
      if (state.has("q")) filter.value = state.get("q");
      if (state.has("only")) select.value = state.get("only");
      if (sort && Math.abs(sort) <= headers.length) {
        var th = headers[Math.abs(sort) - 1];
        column = parseInt(th.getAttribute("data-col"), 10);
        direction = sort > 0 ? 1 : -1;
        th.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
      }
      apply();
      document.body.setAttribute("data-rows", String(data.length));
      document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
    })();
    </script>
    </body>
    </html>

    """
}
