// Defines every ocds-widgets element (the CDN entry, dist/cdn/ocds-widgets.js).
export {};
