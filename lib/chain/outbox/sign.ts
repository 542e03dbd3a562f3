import type { FeeData, Signer, TransactionLike } from "ethers";
import { Transaction } from "ethers";

// The fee fields of a signed write. EIP-1559 fees where the chain has them; a legacy gas price where
// it has none (a Besu/QBFT network without a base fee, an older chain): ethers' getFeeData leaves the
// EIP-1559 fields empty there, and a type-2 transaction would be refused.

type Fees = Pick<TransactionLike, "type" | "gasPrice" | "maxFeePerGas" | "maxPriorityFeePerGas">;

/** Nodes accept a replacement at the same nonce only when its fees are at least 10 % higher. */
const BUMP_PER_MILLE = 1_125n;

function bumped(fee: bigint | null | undefined): bigint {
  return ((fee ?? 0n) * BUMP_PER_MILLE) / 1_000n + 1n;
}

function atLeast(...fees: Array<bigint | null | undefined>): bigint {
  return fees.reduce<bigint>((max, fee) => (fee != null && fee > max ? fee : max), 0n);
}

/**
 * The fees to sign with: today's, or for a replacement of `previous`, today's or 12.5 % above the
 * previous ones, whichever is higher, so the node takes it in place of the stuck one.
 */
export function feesFor(today: FeeData, previous?: Transaction): Fees {
  if (today.maxFeePerGas == null) {
    return { type: 0, gasPrice: atLeast(today.gasPrice, previous && bumped(previous.gasPrice)) };
  }
  const maxPriorityFeePerGas = atLeast(
    today.maxPriorityFeePerGas,
    previous && bumped(previous.maxPriorityFeePerGas ?? previous.gasPrice),
  );
  const maxFeePerGas = atLeast(
    today.maxFeePerGas,
    previous && bumped(previous.maxFeePerGas ?? previous.gasPrice),
    maxPriorityFeePerGas,
  );
  return { type: 2, maxFeePerGas, maxPriorityFeePerGas };
}

export type SignedWrite = { rawTransaction: string; txHash: string };

/** Signs a LotTracker call at `nonce`; the hash is the one the chain will know it by. */
export async function signWrite(
  wallet: Pick<Signer, "signTransaction">,
  request: {
    chainId: number;
    to: string;
    data: string;
    nonce: number;
    gasLimit: bigint;
    fees: Fees;
  },
): Promise<SignedWrite> {
  const { fees, ...call } = request;
  const rawTransaction = await wallet.signTransaction({ ...call, ...fees });
  return { rawTransaction, txHash: Transaction.from(rawTransaction).hash as string };
}

/** The same call at the same nonce with higher fees, to replace a transaction that is not mined. */
export async function signReplacement(
  wallet: Pick<Signer, "signTransaction">,
  rawTransaction: string,
  today: FeeData,
): Promise<SignedWrite> {
  const previous = Transaction.from(rawTransaction);
  return signWrite(wallet, {
    chainId: Number(previous.chainId),
    to: previous.to as string,
    data: previous.data,
    nonce: previous.nonce,
    gasLimit: previous.gasLimit,
    fees: feesFor(today, previous),
  });
}
