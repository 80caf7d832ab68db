// Front door of the domain: the content model, its rules and the named errors.
export * from './content.js';
export * from './article-url.js';
export * from './errors.js';
export * from './story.js';
export * from './access.js';
export * from './body-text.js';
export * from './comment.js';
