// The results map: a small tile map without a library. Optional: without JavaScript or
// without tiles, the list below it is the whole page. Markers are links to the records.
(function () {
  "use strict";
  var map = document.getElementById("kaart");
  if (!map) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll(".result-list [data-lat]"));
  var points = items.map(function (item) {
    var link = item.querySelector(".card__title a");
    return { lat: parseFloat(item.dataset.lat), lon: parseFloat(item.dataset.lon),
             href: link ? link.getAttribute("href") : "#", name: link ? link.textContent : "" };
  }).filter(function (p) { return isFinite(p.lat) && isFinite(p.lon); });
  if (!points.length) { return; }

  var TILE = 256;
  function project(lat, lon, zoom) {
    var scale = TILE * Math.pow(2, zoom);
    var sin = Math.sin(lat * Math.PI / 180);
    return { x: (lon + 180) / 360 * scale,
             y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale };
  }

  map.hidden = false;
  var width = map.clientWidth, height = map.clientHeight;
  var zoom = 15;
  for (; zoom > 3; zoom--) {  // the deepest zoom at which every point fits, with a margin
    var xs = points.map(function (p) { return project(p.lat, p.lon, zoom).x; });
    var ys = points.map(function (p) { return project(p.lat, p.lon, zoom).y; });
    if (Math.max.apply(null, xs) - Math.min.apply(null, xs) < width - 60 &&
        Math.max.apply(null, ys) - Math.min.apply(null, ys) < height - 60) { break; }
  }
  var all = points.map(function (p) { return project(p.lat, p.lon, zoom); });
  var centreX = (Math.min.apply(null, all.map(function (q) { return q.x; })) +
                 Math.max.apply(null, all.map(function (q) { return q.x; }))) / 2;
  var centreY = (Math.min.apply(null, all.map(function (q) { return q.y; })) +
                 Math.max.apply(null, all.map(function (q) { return q.y; }))) / 2;
  var left = centreX - width / 2, top = centreY - height / 2;

  var layer = document.createElement("div");
  layer.className = "map__tiles";
  layer.setAttribute("aria-hidden", "true");
  var template = map.dataset.tiles;
  var max = Math.pow(2, zoom);
  for (var tx = Math.floor(left / TILE); tx <= Math.floor((left + width) / TILE); tx++) {
    for (var ty = Math.floor(top / TILE); ty <= Math.floor((top + height) / TILE); ty++) {
      if (ty < 0 || ty >= max) { continue; }
      var img = document.createElement("img");
      img.alt = "";
      img.width = TILE; img.height = TILE;
      img.src = template.replace("{z}", zoom).replace("{x}", ((tx % max) + max) % max)
        .replace("{y}", ty);
      img.style.left = (tx * TILE - left) + "px";
      img.style.top = (ty * TILE - top) + "px";
      layer.appendChild(img);
    }
  }
  map.appendChild(layer);

  var list = document.createElement("ul");
  list.className = "map__markers";
  points.forEach(function (p, i) {
    var at = all[i];
    var item = document.createElement("li");
    var marker = document.createElement("a");
    marker.href = p.href;
    marker.className = "map__marker";
    marker.textContent = String(i + 1);
    marker.title = p.name;
    marker.setAttribute("aria-label", (i + 1) + ". " + p.name);
    marker.style.left = (at.x - left) + "px";
    marker.style.top = (at.y - top) + "px";
    item.appendChild(marker);
    list.appendChild(item);
  });
  map.appendChild(list);

  var credit = document.createElement("p");
  credit.className = "map__credit";
  credit.textContent = map.dataset.attribution || "";
  map.appendChild(credit);
})();
