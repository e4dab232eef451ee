// Registers <ocds-red-flags>.
import { defineElement } from '../base/define.js';
import { OcdsRedFlags } from './red-flags.js';

defineElement('ocds-red-flags', OcdsRedFlags);

export { OcdsRedFlags };
