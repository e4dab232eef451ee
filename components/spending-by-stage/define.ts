// Registers <ocds-spending-by-stage>.
import { defineElement } from '../base/define.js';
import { OcdsSpendingByStage } from './spending-by-stage.js';

defineElement('ocds-spending-by-stage', OcdsSpendingByStage);

export { OcdsSpendingByStage };
