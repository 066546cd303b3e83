/** True in the demo build (npm start, browser tests), false in the shipped one; undefined under vitest. */
declare const __DEFUSE_DEMO__: boolean | undefined;
