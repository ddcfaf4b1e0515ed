#!/usr/bin/env node
// Write xslt/common/diplomatic.xsl from the bracket conventions (src/conventions/brackets.ts):
// each convention declares once how the diplomatic text writes it back ("[inserted by hand: %s]"),
// and the HTML and text stylesheets take the forms from here. Run by `npm run build` after tsc;
// the file is committed, and a test checks that it is what this script writes.
import { writeFileSync } from 'node:fs';
import { diplomaticStylesheet } from '../dist/conventions/diplomatic.js';

writeFileSync('xslt/common/diplomatic.xsl', diplomaticStylesheet());
