import { benchSheet } from "../bench/data";
import { writeBenchXlsx } from "../bench/xlsx";
void writeBenchXlsx(benchSheet("supplier-evaluation", 50_000), "供应商评估表", "/tmp/w14-big.xlsx");
