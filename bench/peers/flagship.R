#!/usr/bin/env Rscript
# The flagship briefing (reports/china-lac-local) written the usual way in R: base stats +
# ggplot2 (Debian r-base-core, r-cran-ggplot2, r-cran-jsonlite). Benchmark peer for Dossier.
#
#   Rscript bench/peers/flagship.R [DATASETS_DIR] [OUT_DIR]
#
# Same CSVs, joins and filters (local cases: level_scope == "local"), same statistics
# (Spearman with a seeded permutation p and an influence check; Poisson / quasi-Poisson
# regression with a log-population offset; Wilson intervals via prop.test; channel x outcome
# table with a seeded Monte-Carlo Fisher test and Cramer's V; initiator x deal Fisher; counts
# per year), seven charts saved as SVG, and a multi-page PDF (cairo_pdf) with findings, the
# figures and the money table. Default settings, no tricks, no handicap.
suppressPackageStartupMessages({
  library(ggplot2)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) >= 1) args[[1]] else "datasets"
out_dir <- if (length(args) >= 2) args[[2]] else "bench/out/peer-r"
dir.create(file.path(out_dir, "charts"), recursive = TRUE, showWarnings = FALSE)

read <- function(name) read.csv(file.path(data_dir, paste0(name, ".csv")), na.strings = "",
                                stringsAsFactors = FALSE, encoding = "UTF-8")
cases <- read("cases"); countries <- read("countries"); twinning <- read("twinning")
amounts <- read("amounts"); channels <- read("channels")
outcome_levels <- c("deal", "coop", "explor", "stalled", "opposed")
outcome_colours <- setNames(c("#0072B2", "#56B4E9", "#E69F00", "#D55E00", "#999999"), outcome_levels)
source_note <- "Source: Dossier datasets, from Myers (2020) and public reporting"
p_text <- function(p) if (p < 0.001) "p < 0.001" else if (p < 0.01) sprintf("p = %.3f", p) else sprintf("p = %.2f", p)

# --- Q1: decentralization versus twinning ties ---------------------------------------------
ties <- as.data.frame(table(iso3 = twinning$iso3), responseName = "ties", stringsAsFactors = FALSE)
cty <- merge(countries, ties, by = "iso3", all.x = TRUE)
cty$ties[is.na(cty$ties)] <- 0
cty$ties_per_10m <- cty$ties / cty$population * 1e7
cty$taipei <- as.logical(cty$recognizes_taipei_2020)
with_rai <- cty[!is.na(cty$rai), ]
dropped_rai <- sort(cty$iso3[is.na(cty$rai)])
rho <- cor.test(with_rai$rai, with_rai$ties_per_10m, method = "spearman", exact = FALSE)
set.seed(20201201)
perm <- replicate(9999, cor(with_rai$rai, sample(with_rai$ties_per_10m), method = "spearman"))
p_perm <- (sum(abs(perm) >= abs(rho$estimate)) + 1) / (length(perm) + 1)
big3 <- with_rai[!with_rai$iso3 %in% c("BRA", "MEX", "ARG"), ]
rho_drop <- cor(big3$rai, big3$ties_per_10m, method = "spearman")

poisson <- glm(ties ~ rai + taipei, offset = log(population), family = poisson, data = with_rai)
dispersion <- sum(residuals(poisson, type = "pearson")^2) / poisson$df.residual
quasi <- glm(ties ~ rai + taipei, offset = log(population), family = quasipoisson, data = with_rai)
rr10 <- exp(10 * coef(quasi)[["rai"]])
rr10_ci <- exp(10 * confint.default(quasi)["rai", ])

# --- Q2: outcomes by channel ---------------------------------------------------------------
local <- merge(cases[cases$level_scope == "local", ], channels, by.x = "channel", by.y = "code", all.x = TRUE)
by_channel <- as.data.frame(table(label = local$label), responseName = "n")
coded <- local[!is.na(local$outcome), ]
coded$outcome <- factor(coded$outcome, levels = intersect(outcome_levels, coded$outcome))
tab <- table(coded$channel, coded$outcome)
chi <- suppressWarnings(chisq.test(tab, correct = FALSE))
fisher_mc <- fisher.test(tab, simulate.p.value = TRUE, B = 9999)
cramers_v <- sqrt(unname(chi$statistic) / (sum(tab) * (min(dim(tab)) - 1)))
low_expected <- mean(chi$expected < 5)

coded$deal <- coded$outcome == "deal"
share <- do.call(rbind, lapply(split(coded, coded$channel), function(d) {
  ci <- suppressWarnings(prop.test(sum(d$deal), nrow(d), correct = FALSE))$conf.int
  data.frame(channel = d$channel[[1]], label = d$label[[1]], deals = sum(d$deal), n = nrow(d),
             share = mean(d$deal), low = ci[[1]], high = ci[[2]])
}))

known <- coded[coded$initiated_by %in% c("lac_side", "chinese_side"), ]
two <- table(factor(known$initiated_by, levels = c("lac_side", "chinese_side")), factor(known$deal, levels = c(TRUE, FALSE)))
fisher2 <- fisher.test(two)

# --- Q3: timeline ----------------------------------------------------------------------------
per_year <- as.data.frame(table(first_year = local$first_year, channel = local$channel), responseName = "n")
per_year$first_year <- as.integer(as.character(per_year$first_year))
twin_years <- as.data.frame(table(year = twinning$year_established), responseName = "n")
twin_years$year <- as.integer(as.character(twin_years$year))
twin_years$cumulative <- cumsum(twin_years$n)

# --- Q4: money -------------------------------------------------------------------------------
money <- merge(amounts, cases[, c("id", "title", "country")], by.x = "case_id", by.y = "id")
money <- money[, c("case_id", "country", "title", "kind", "qualifier", "amount", "currency", "usd_m", "source_id")]

write_json(list(
  spearman = list(n = nrow(with_rai), rho = unname(rho$estimate), p = rho$p.value, p_permutation = p_perm,
                  dropped_no_rai = dropped_rai, rho_without_bra_mex_arg = rho_drop),
  poisson = list(n = nrow(with_rai), rate_ratio_per_10_rai = rr10, ci = unname(rr10_ci), dispersion = dispersion),
  crosstab = list(n = sum(tab), chi2 = unname(chi$statistic), p_asymptotic = chi$p.value,
                  p_monte_carlo = fisher_mc$p.value, cramers_v = cramers_v, share_expected_below_5 = low_expected),
  initiator_fisher = list(odds_ratio = unname(fisher2$estimate), ci = as.numeric(fisher2$conf.int), p = fisher2$p.value)
), file.path(out_dir, "stats.json"), auto_unbox = TRUE, digits = NA, pretty = TRUE)

# --- Charts ----------------------------------------------------------------------------------
theme_set(theme_minimal(base_size = 9) + theme(plot.title = element_text(face = "bold"),
                                               plot.title.position = "plot", plot.caption.position = "plot"))
plots <- list()
save <- function(name, plot, width = 6.5, height = 3.5) {
  ggsave(file.path(out_dir, "charts", paste0(name, ".svg")), plot, width = width, height = height)
  plots[[name]] <<- plot
}

save("cases-by-channel", ggplot(by_channel, aes(n, reorder(label, n))) + geom_col(fill = "#0072B2") +
  labs(title = "Documented local-level cases by channel", subtitle = "Number of cases, local level only",
       x = "Cases", y = NULL, caption = source_note), height = 3.2)

grid <- data.frame(rai = seq(0, max(with_rai$rai), length.out = 100), taipei = FALSE, population = 1e7)
pred <- predict(quasi, grid, type = "link", se.fit = TRUE)
grid$fit <- exp(pred$fit); grid$low <- exp(pred$fit - 1.96 * pred$se.fit); grid$high <- exp(pred$fit + 1.96 * pred$se.fit)
save("decentralization-ties", ggplot(with_rai, aes(rai, pmax(ties_per_10m, 0.05))) +
  geom_ribbon(data = grid, aes(x = rai, ymin = low, ymax = high), inherit.aes = FALSE, fill = "grey80") +
  geom_line(data = grid, aes(rai, fit), colour = "grey20") +
  geom_point(aes(colour = ifelse(taipei, "Recognised Taipei", "Recognised Beijing"))) +
  geom_text(aes(label = name), size = 2.2, hjust = 0, nudge_x = 0.3, check_overlap = TRUE) +
  scale_y_log10() + scale_colour_manual(values = c("#0072B2", "#D55E00"), name = NULL) +
  labs(title = "More regional authority, more twinning ties",
       subtitle = sprintf("Spearman \u03c1 = %.2f (%s, n = %d); quasi-Poisson fit with 95%% band",
                          rho$estimate, p_text(rho$p.value), nrow(with_rai)),
       x = "Regional Authority Index (2018)", y = "Twinning ties per 10 M people", caption = source_note), height = 4.5)

tab_df <- as.data.frame(tab, responseName = "n")
names(tab_df)[1:2] <- c("channel", "outcome")
tab_df <- merge(tab_df, channels[, c("code", "label")], by.x = "channel", by.y = "code")
totals <- aggregate(n ~ label, tab_df, sum)
tab_df$label_n <- sprintf("%s (n = %d)", tab_df$label, totals$n[match(tab_df$label, totals$label)])
save("outcomes-by-channel", ggplot(tab_df, aes(n, label_n, fill = outcome)) + geom_col(position = "fill") +
  scale_x_continuous(labels = scales::percent) + scale_fill_manual(values = outcome_colours) +
  labs(title = "Outcomes by channel", subtitle = "Share of local-level cases by outcome", x = NULL, y = NULL,
       fill = NULL, caption = source_note) + theme(legend.position = "bottom"))

save("deal-share", ggplot(share, aes(share, reorder(label, share))) + geom_pointrange(aes(xmin = low, xmax = high), colour = "#0072B2") +
  scale_x_continuous(labels = scales::percent, limits = c(0, 1)) +
  labs(title = "Share of cases with a concrete deal", subtitle = "By channel, with Wilson 95% intervals",
       x = NULL, y = NULL, caption = source_note), height = 3.2)

save("channel-outcome-heatmap", ggplot(tab_df, aes(outcome, label, fill = n)) + geom_tile() +
  geom_text(aes(label = n, colour = n > max(n) / 2), show.legend = FALSE) +
  scale_colour_manual(values = c("black", "white")) + scale_fill_distiller(palette = "Blues", direction = 1) +
  labs(title = "Channel \u00d7 outcome", subtitle = sprintf("Cases; Monte-Carlo Fisher %s, Cram\u00e9r's V = %.2f",
                                                       p_text(fisher_mc$p.value), cramers_v),
       x = NULL, y = NULL, fill = "Cases", caption = source_note))

scale_k <- max(aggregate(n ~ first_year, per_year, sum)$n) / max(twin_years$cumulative)
papers <- data.frame(year = c(2008, 2015, 2016), text = c("2008 policy paper", "China\u2013CELAC plan", "2016 policy paper"))
save("timeline", ggplot(per_year, aes(first_year, n, fill = channel)) + geom_col() +
  geom_step(data = twin_years, aes(year, cumulative * scale_k), inherit.aes = FALSE, colour = "grey20") +
  geom_vline(data = papers, aes(xintercept = year), linetype = "dashed", colour = "grey60") +
  geom_text(data = papers, aes(year, Inf, label = text), inherit.aes = FALSE, angle = 90, hjust = 1, vjust = -0.3, size = 2.2) +
  scale_y_continuous(sec.axis = sec_axis(~ . / scale_k, name = "Twinning ties, cumulative")) +
  scale_fill_brewer(palette = "Set2") +
  labs(title = "New local-level cases per year", subtitle = "By first year and channel; line: twinning ties",
       x = NULL, y = "New cases", fill = "Channel", caption = source_note))

geo <- fromJSON(file.path(data_dir, "lac_countries.geojson"), simplifyVector = FALSE)
rings <- list(); k <- 0
for (feature in geo$features) {
  polys <- if (feature$geometry$type == "MultiPolygon") feature$geometry$coordinates else list(feature$geometry$coordinates)
  for (poly in polys) {
    k <- k + 1
    xy <- matrix(unlist(poly[[1]]), ncol = 2, byrow = TRUE)
    rings[[k]] <- data.frame(iso3 = feature$properties$ISO_A3, group = k, long = xy[, 1], lat = xy[, 2])
  }
}
shapes <- do.call(rbind, rings)
shapes$ties <- cty$ties[match(shapes$iso3, cty$iso3)]
save("map-ties", ggplot(shapes, aes(long, lat, group = group, fill = ifelse(ties > 0, ties, NA))) +
  geom_polygon(colour = "white", linewidth = 0.2) + coord_quickmap() +
  scale_fill_viridis_c(trans = "log10", na.value = "grey85", name = "Twinning ties") + theme_void() +
  labs(title = "Twinning ties per country", subtitle = "Ties with Chinese cities and provinces", caption = source_note),
  height = 6)

# --- PDF ---------------------------------------------------------------------------------------
findings <- c(
  sprintf("The briefing documents %d local-level engagements in %d channels.", nrow(local), nrow(by_channel)),
  sprintf("Twinning ties per 10 M people and regional authority: Spearman \u03c1 = %.2f (%s; permutation %s; n = %d; without RAI: %s).",
          rho$estimate, p_text(rho$p.value), p_text(p_perm), nrow(with_rai), paste(dropped_rai, collapse = ", ")),
  sprintf("Without Brazil, Mexico and Argentina: \u03c1 = %.2f.", rho_drop),
  sprintf("Rate ratio per 10 RAI points (quasi-Poisson, log-population offset, recognition): %.2f (95%% CI %.2f\u2013%.2f); dispersion %.1f.",
          rr10, rr10_ci[[1]], rr10_ci[[2]], dispersion),
  sprintf("Channel \u00d7 outcome: Monte-Carlo Fisher %s, Cram\u00e9r's V = %.2f, %.0f%% of expected counts below 5; little power with n = %d.",
          p_text(fisher_mc$p.value), cramers_v, 100 * low_expected, sum(tab)),
  sprintf("LAC-initiated versus Chinese-initiated deals: odds ratio %.2f (95%% CI %.2f\u2013%.2f), Fisher %s.",
          fisher2$estimate, fisher2$conf.int[[1]], fisher2$conf.int[[2]], p_text(fisher2$p.value)))

cairo_pdf(file.path(out_dir, "china-lac-local.pdf"), width = 8.27, height = 11.69, onefile = TRUE)
grid::grid.newpage()
grid::grid.text("Going local: China's subnational engagement\nwith Latin America and the Caribbean",
                x = 0.08, y = 0.92, just = c("left", "top"), gp = grid::gpar(fontsize = 16, fontface = "bold"))
grid::grid.text(paste("\u2022", strwrap(findings, 95, prefix = "", exdent = 2), collapse = "\n"),
                x = 0.08, y = 0.82, just = c("left", "top"), gp = grid::gpar(fontsize = 9, lineheight = 1.3))
for (p in plots) print(p)
cells <- money
cells$title <- substr(cells$title, 1, 40)
cells$usd_m <- ifelse(is.na(cells$usd_m), "", format(cells$usd_m, big.mark = ","))
header <- paste(sprintf("%-14s", names(cells)), collapse = " ")
lines <- apply(cells, 1, function(r) paste(sprintf("%-14s", r), collapse = " "))
for (page in split(lines, ceiling(seq_along(lines) / 45))) {
  grid::grid.newpage()
  grid::grid.text("Deals with known amounts (never summed across kinds)", x = 0.05, y = 0.95, just = "left",
                  gp = grid::gpar(fontface = "bold"))
  grid::grid.text(paste(c(header, page), collapse = "\n"), x = 0.05, y = 0.92, just = c("left", "top"),
                  gp = grid::gpar(fontsize = 5, fontfamily = "mono"))
}
invisible(dev.off())
