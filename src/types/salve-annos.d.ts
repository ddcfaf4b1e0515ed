// salve-annos ships declarations for lib/salve/validate, but as a CommonJS module with named
// exports; this lets `import salve from 'salve-annos'` (the form Node's ESM loader supports) type-check.
declare module 'salve-annos' {
  import * as validate from 'salve-annos/lib/salve/validate.js';
  export = validate;
}
