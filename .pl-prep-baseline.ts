import { prepareBaseline } from "@/bench/writes/baseline";
console.log(await prepareBaseline("68415ff", console.log));
