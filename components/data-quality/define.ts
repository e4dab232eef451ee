// Registers <ocds-data-quality>.
import { defineElement } from '../base/define.js';
import { OcdsDataQuality } from './data-quality.js';

defineElement('ocds-data-quality', OcdsDataQuality);

export { OcdsDataQuality };
