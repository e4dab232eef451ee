// Defines every ocds-widgets element at once (`ocds-widgets/all.js`); the CDN entry, components/cdn.ts, defines each on first use.
import './spending-by-stage/define.js';
import './contract-timeline/define.js';
import './supplier-network/define.js';
import './breakdown/define.js';
import './data-quality/define.js';
import './process-table/define.js';
import './dataset/define.js';
import './red-flags/define.js';
