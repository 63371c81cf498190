/* The activity map on the directory page (directory/templates/directory/
   includes/activity_map.html): the points of the list's activities, every
   page of them, clustered, each with a link to its activity. Loaded only when
   the site owner has set a tile server; the list stays the way to read and
   choose, so when anything here fails the map simply stays hidden. */
(function () {
    "use strict";

    function el(tag, text, className) {
        var node = document.createElement(tag);
        if (text) {
            node.textContent = text;
        }
        if (className) {
            node.className = className;
        }
        return node;
    }

    /* Built with DOM nodes, never HTML strings: titles are the organisers'. */
    function popup(point, section) {
        var box = el("div", "", "directory-map__popup");
        box.dir = document.documentElement.dir || "ltr";
        var heading = el("p", "", "directory-map__popup-title");
        var link = el("a", point.title);
        link.href = point.url;
        link.lang = point.lang;
        link.dir = "auto";
        heading.appendChild(link);
        box.appendChild(heading);
        box.appendChild(el("p", point.municipality));
        if (point.approximate) {
            box.appendChild(el("p", section.dataset.approximate, "directory-map__approximate"));
        }
        return box;
    }

    function clusterIcon(section) {
        return function (cluster) {
            var count = cluster.getChildCount();
            var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
            var inner = el("div");
            var number = el("span", String(count));
            number.appendChild(el("span", " " + section.dataset.activitiesLabel, "visually-hidden"));
            inner.appendChild(number);
            return L.divIcon({
                html: inner.outerHTML,
                className: "marker-cluster marker-cluster-" + size,
                iconSize: L.point(40, 40)
            });
        };
    }

    function draw(section, points) {
        var canvas = section.querySelector(".directory-map__canvas");
        section.hidden = false;
        var map = L.map(canvas, { zoomControl: false, scrollWheelZoom: false });
        L.control.zoom({
            zoomInTitle: section.dataset.zoomIn,
            zoomOutTitle: section.dataset.zoomOut
        }).addTo(map);
        /* The attribution control writes HTML: the setting is plain text. */
        L.tileLayer(section.dataset.tileUrl, {
            maxZoom: 18,
            attribution: el("span", section.dataset.attribution).innerHTML
        }).addTo(map);
        var icon = L.icon({
            iconUrl: section.dataset.iconUrl,
            iconRetinaUrl: section.dataset.iconRetinaUrl,
            shadowUrl: section.dataset.shadowUrl,
            iconSize: [25, 41],
            iconAnchor: [12, 41],
            popupAnchor: [1, -34],
            shadowSize: [41, 41]
        });
        var clusters = L.markerClusterGroup({ iconCreateFunction: clusterIcon(section) });
        points.forEach(function (point) {
            var marker = L.marker([point.latitude, point.longitude], {
                icon: icon,
                title: point.title,
                alt: point.title
            });
            marker.bindPopup(popup(point, section), { closeButton: false });
            clusters.addLayer(marker);
        });
        map.addLayer(clusters);
        map.fitBounds(clusters.getBounds(), { maxZoom: 13, padding: [24, 24] });
    }

    function start() {
        var section = document.querySelector("[data-activity-map]");
        if (!section || !window.L || !L.markerClusterGroup || !window.fetch) {
            return;
        }
        fetch(section.dataset.pointsUrl, {
            credentials: "same-origin",
            headers: { Accept: "application/json" }
        })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                return response.json();
            })
            .then(function (data) {
                if (data.points.length) {
                    draw(section, data.points);
                }
            })
            .catch(function () {
                section.hidden = true;
            });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
