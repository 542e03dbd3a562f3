// The live twin of the resolver page answers an unknown lot with the same page.
export { default } from "../../../01/[...path]/not-found";
