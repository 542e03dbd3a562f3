/** What a consumer holding a recalled product should do: the page's banner and the JSON say the same. */
export const RECALL_ADVICE = "Do not eat this product. Return it to the store or throw it away.";
