#!/usr/bin/env node
/**
 * Empties dist/ before a build. tsc never removes what it wrote for a
 * source that is gone, and the build-time caches of an older build can sit
 * beside the new ones: without this, a package packed from a working tree
 * (package.json "files" holds dist) would carry them.
 */
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
