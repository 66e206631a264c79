# R's data.table::fread on the cases-shaped CSV, into typed columns (for bench/csv_load.sh).
#   Rscript bench/csv_fread.R OUT/cases.csv
suppressMessages(library(data.table))
path <- commandArgs(trailingOnly = TRUE)[1]
dt <- fread(path, na.strings = "", encoding = "UTF-8", showProgress = FALSE,
            colClasses = list(integer = c("id", "first_year"), numeric = "money_usd_m",
                              logical = "in_source_report",
                              character = c("title", "country", "locality", "channel", "signed", "outcome", "note")))
dt[, signed := as.IDate(signed)]
cat(sprintf("fread: %d rows\n", nrow(dt)))
