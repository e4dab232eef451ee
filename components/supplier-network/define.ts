// Registers <ocds-supplier-network>.
import { defineElement } from '../base/define.js';
import { OcdsSupplierNetwork } from './supplier-network.js';

defineElement('ocds-supplier-network', OcdsSupplierNetwork);

export { OcdsSupplierNetwork };

declare global {
  interface HTMLElementTagNameMap {
    'ocds-supplier-network': OcdsSupplierNetwork;
  }
}
