import {defineWebExtConfig} from 'wxt';

// `wxt` (dev) would open a browser; there is none to open on a headless machine.
export default defineWebExtConfig({disabled: true});
