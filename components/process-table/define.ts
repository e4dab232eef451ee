import { defineElement } from '../base/define.js';
import { OcdsProcessTable } from './process-table.js';

defineElement('ocds-process-table', OcdsProcessTable);

export { OcdsProcessTable };
