#!/usr/bin/env Rscript
# The large scatter (bench/gen_scatter.py) with ggplot2: SVG, PDF and PNG.
#   Rscript bench/peers/scatter.R POINTS_CSV OUT_DIR
suppressPackageStartupMessages(library(ggplot2))
args <- commandArgs(trailingOnly = TRUE)
points <- read.csv(args[[1]])
dir.create(args[[2]], recursive = TRUE, showWarnings = FALSE)
plot <- ggplot(points, aes(x, y)) + geom_point(size = 0.5, alpha = 0.4, colour = "#0072B2") +
  labs(title = sprintf("%s seeded points", format(nrow(points), big.mark = ","))) + theme_minimal()
for (ext in c("svg", "pdf", "png")) ggsave(file.path(args[[2]], paste0("scatter.", ext)), plot, width = 6.67, height = 4.44, dpi = 144)
