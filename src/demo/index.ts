// Front door of the demo outlet: original Arabic content of a fictional outlet and its generated artwork.
// Imported only by the CLI's seed command; the product never serves it unless an operator seeds it.
export type * from './demo-types.js';
export { demoArticlesA } from './demo-articles-a.js';
export { demoArticlesB } from './demo-articles-b.js';
export { demoAuthors, demoChannels, demoComments, demoSections, demoStories, demoOutlet } from './demo-outlet.js';
export { renderDemoArt } from './demo-art.js';
export { demoLiveBlog, demoLiveChannel, type DemoLiveBlog, type DemoLiveEntry } from './demo-live.js';
