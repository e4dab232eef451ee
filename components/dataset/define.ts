// Registers <ocds-dataset>.
import { defineElement } from '../base/define.js';
import { OcdsDataset } from './dataset.js';

defineElement('ocds-dataset', OcdsDataset);

export { OcdsDataset };
