// Registers <ocds-breakdown>.
import { defineElement } from '../base/define.js';
import { OcdsBreakdown } from './breakdown.js';

defineElement('ocds-breakdown', OcdsBreakdown);

export { OcdsBreakdown };
