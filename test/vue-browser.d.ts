// Vue's browser ES build has the same API as 'vue'; its bundler build (the 'vue' entry) needs process.env.
declare module 'vue/dist/vue.runtime.esm-browser.prod.js' {
  export { reactive } from 'vue';
}
