// Defines every ocds-widgets element (the CDN entry, dist/cdn/ocds-widgets.js).
import './spending-by-stage/define.js';
import './contract-timeline/define.js';
import './supplier-network/define.js';
