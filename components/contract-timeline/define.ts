import { defineElement } from '../base/define.js';
import { OcdsContractTimeline } from './contract-timeline.js';

defineElement('ocds-contract-timeline', OcdsContractTimeline);

export { OcdsContractTimeline };
