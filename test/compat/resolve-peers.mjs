// Module resolution hooks (see register.mjs): peers resolve from the compatibility set.
let parentURL;
let isPeer = () => false;

export function initialize(data) {
  parentURL = data.parentURL;
  isPeer = (specifier) =>
    data.peers.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

export function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, isPeer(specifier) ? { ...context, parentURL } : context);
}
