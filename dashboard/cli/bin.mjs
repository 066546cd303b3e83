#!/usr/bin/env node
// Entry for package.json "bin": runs the TypeScript command line through tsx (Node 20 cannot run .ts).
import process from 'node:process';
import {register} from 'tsx/esm/api';

register();
const {main} = await import('./defuse.ts');
process.exitCode = await main(process.argv.slice(2));
