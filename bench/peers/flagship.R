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
# figures, the money table and the appendix of every case (the same tables as Dossier's briefing).
# Default settings, no tricks, no handicap.
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

# --- Q1: decentralization versus twinning ties (unit: CELAC country) -----------------------
local <- merge(cases[cases$level_scope == "local", ], channels, by.x = "channel", by.y = "code", all.x = TRUE)
cty <- countries
cty$ties_per_10m <- cty$twinning_ties / cty$population * 1e7
cty$local_cases <- as.vector(table(factor(local$country, levels = cty$iso3)))
cty$taipei <- as.logical(cty$recognizes_taipei_2020)
rai_missing <- cty[is.na(cty$rai), ]
with_rai <- cty[!is.na(cty$rai), ]
with_ties <- with_rai[with_rai$twinning_ties > 0, ]
no_ties <- with_rai[with_rai$twinning_ties == 0, ]
beijing <- with_rai[!with_rai$taipei, ]
big3 <- with_rai[!with_rai$iso3 %in% c("BRA", "MEX", "ARG"), ]
spearman <- function(x, y) suppressWarnings(cor.test(x, y, method = "spearman", exact = FALSE))
ties_rai <- spearman(with_rai$rai, with_rai$ties_per_10m)
ties_count_rai <- spearman(with_rai$rai, with_rai$twinning_ties)
ties_rai_beijing <- spearman(beijing$rai, beijing$ties_per_10m)
ties_rai_influence <- spearman(big3$rai, big3$ties_per_10m)
cases_rai <- spearman(with_rai$rai, with_rai$local_cases)
set.seed(20201201)
r_obs <- cor(with_rai$rai, with_rai$ties_per_10m)
perm <- replicate(9999, cor(with_rai$rai, sample(with_rai$ties_per_10m)))
p_perm <- (sum(abs(perm) >= abs(r_obs)) + 1) / (length(perm) + 1)

poisson_fit <- function(d) {
  fit <- glm(twinning_ties ~ rai, offset = log(population), family = poisson, data = d)
  quasi <- glm(twinning_ties ~ rai, offset = log(population), family = quasipoisson, data = d)
  list(fit = fit, quasi = quasi, dispersion = sum(residuals(fit, type = "pearson")^2) / fit$df.residual,
       rr = exp(10 * c(coef(quasi)[["rai"]], confint.default(quasi)["rai", ])))
}
pois <- poisson_fit(beijing)
pois_drop <- poisson_fit(beijing[!beijing$iso3 %in% c("BRA", "MEX", "ARG"), ])
ties_total <- sum(cty$twinning_ties)
big_four <- sum(cty$twinning_ties[cty$iso3 %in% c("BRA", "MEX", "ARG", "CHL")])
taipei_ties <- cty$twinning_ties[cty$taipei]

# --- Q2: outcomes by channel (unit: local-level case) ---------------------------------------
outcome_labels <- c(deal = "Concrete deal", coop = "Cooperation, no deal", explor = "Exploratory",
                    stalled = "Stalled, no result", opposed = "Opposed locally")
channel_order <- channels$label
coded <- local[!is.na(local$outcome), ]
coded$outcome_label <- factor(outcome_labels[coded$outcome], levels = intersect(outcome_labels, outcome_labels[coded$outcome]))
coded$label <- factor(coded$label, levels = intersect(channel_order, coded$label))
tab <- table(coded$label, coded$outcome_label)
chi <- suppressWarnings(chisq.test(tab, correct = FALSE))
fisher_mc <- fisher.test(tab, simulate.p.value = TRUE, B = 19999)
cramers_v <- sqrt(unname(chi$statistic) / (sum(tab) * (min(dim(tab)) - 1)))
cells_below_5 <- sum(chi$expected < 5)

local$deal <- local$outcome %in% "deal"
wilson <- function(d, by) do.call(rbind, lapply(split(d, d[[by]]), function(g) {
  ci <- suppressWarnings(prop.test(sum(g$deal), nrow(g), correct = FALSE))$conf.int
  data.frame(group = g[[by]][[1]], k = sum(g$deal), n = nrow(g), share = mean(g$deal), low = ci[[1]], high = ci[[2]])
}))
deal_share <- wilson(local, "label")
deal_share <- deal_share[order(match(deal_share$group, channel_order)), ]
overall <- suppressWarnings(prop.test(sum(local$deal), nrow(local), correct = FALSE))$conf.int
known <- local[local$initiated_by %in% c("lac_side", "chinese_side"), ]
initiator_share <- wilson(known, "initiated_by")
two <- table(factor(known$initiated_by, levels = c("lac_side", "chinese_side")), factor(known$deal, levels = c(TRUE, FALSE)))
fisher2 <- fisher.test(two)
all_cases <- table(cases$level_scope)

# --- Q3: timeline ----------------------------------------------------------------------------
dated <- local[!is.na(local$first_year), ]
by_year_channel <- as.data.frame(table(first_year = dated$first_year, label = factor(dated$label, levels = channel_order)), responseName = "n")
by_year <- as.data.frame(table(first_year = dated$first_year), responseName = "n")
by_year$cumulative <- cumsum(by_year$n)
year_unknown <- sum(is.na(local$first_year))

# --- Q4: money -------------------------------------------------------------------------------
kinds <- c(contract = "contract", loan = "loan", investment_announced = "announced investment",
           project_cost = "project cost (not Chinese money)", purchase = "purchase", advance_payment = "advance payment")
money <- merge(amounts, cases[, c("id", "title")], by.x = "case_id", by.y = "id", all.x = TRUE, suffixes = c("", "_case"))
money$kind_label <- kinds[money$kind]
money <- money[order(money$case_id, money$id), c("case_id", "title", "kind_label", "amount", "currency", "source_id")]
# The appendix: every case with its codes and primary source (Dossier's `all-cases` table).
case_rows <- merge(cases, countries[, c("iso3", "name")], by.x = "country", by.y = "iso3", all.x = TRUE)
case_rows$outcome_label <- c(deal = "deal", coop = "cooperation", explor = "exploratory", stalled = "stalled",
                             opposed = "opposed")[case_rows$outcome]
case_rows$level_label <- c(local = "local", central = "national contrast",
                           chinese_subnational_only = "Chinese side only")[case_rows$level_scope]
case_rows <- case_rows[order(case_rows$id), c("id", "title", "name", "locality", "channel", "outcome_label",
                                              "first_year", "level_label", "source_id")]

rho <- function(r, d) list(estimate = unname(r$estimate), p = r$p.value, n = nrow(d))
write_json(list(
  ties_rai = rho(ties_rai, with_rai), ties_count_rai = rho(ties_count_rai, with_rai),
  ties_rai_beijing = rho(ties_rai_beijing, beijing), ties_rai_influence = rho(ties_rai_influence, big3),
  cases_rai = rho(cases_rai, with_rai), ties_permutation = list(p = p_perm, resamples = 9999),
  ties_poisson = list(n = nrow(beijing), rate_ratio_rai = unname(pois$rr), dispersion = pois$dispersion),
  ties_poisson_influence = list(rate_ratio_rai = unname(pois_drop$rr)),
  ties_total = ties_total, big_four = big_four, taipei_ties = list(n = length(taipei_ties), sum = sum(taipei_ties)),
  outcomes = list(n = sum(tab), df = unname(chi$parameter), min_expected = min(chi$expected), cells_below_5 = cells_below_5,
                  p = fisher_mc$p.value, cramers_v = cramers_v),
  deal_share = list(k = sum(local$deal), n = nrow(local), ci = overall[1:2], table = deal_share),
  initiator_deal = list(p = fisher2$p.value, odds_ratio = unname(c(fisher2$estimate, fisher2$conf.int))),
  initiator_share = initiator_share, all_cases = as.list(all_cases), year_unknown = year_unknown,
  first_year = list(min = min(dated$first_year), median = median(dated$first_year))
), file.path(out_dir, "stats.json"), auto_unbox = TRUE, digits = NA, pretty = TRUE)

# --- Charts ----------------------------------------------------------------------------------
theme_set(theme_minimal(base_size = 9) + theme(plot.title = element_text(face = "bold"),
                                               plot.title.position = "plot", plot.caption.position = "plot"))
plots <- list()
save <- function(name, plot, width = 6.67, height = 3.75) {
  ggsave(file.path(out_dir, "charts", paste0(name, ".svg")), plot, width = width, height = height)
  plots[[name]] <<- plot
}
channel_colours <- setNames(c("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"), channel_order)

grid <- data.frame(rai = seq(min(with_rai$rai), max(with_rai$rai), length.out = 100), population = 1e7)
pred <- predict(pois$quasi, grid, type = "link", se.fit = TRUE)
grid$fit <- exp(pred$fit); grid$low <- exp(pred$fit - 1.96 * pred$se.fit); grid$high <- exp(pred$fit + 1.96 * pred$se.fit)
save("ties-vs-rai", ggplot(with_ties, aes(rai, ties_per_10m)) +
  geom_ribbon(data = grid, aes(x = rai, ymin = low, ymax = high), inherit.aes = FALSE, fill = "#999999", alpha = 0.25) +
  geom_line(data = grid, aes(rai, fit), colour = "#555555", linewidth = 0.6) +
  geom_point(colour = "#0072B2") + geom_text(aes(label = name), size = 2.2, hjust = 0, nudge_x = 0.3, check_overlap = TRUE) +
  scale_y_log10() +
  labs(title = "Per person, regional authority does not predict ties",
       subtitle = "Twinning ties with Chinese localities per 10 million people (log scale) against the Regional Authority Index, 2018",
       x = "Regional Authority Index (2018)", y = "Ties per 10 million people",
       caption = "Source: twinning.csv; RAI: Hooghe, Marks et al.; population: World Bank 2020"), height = 4.72)

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
shapes$ties <- cty$twinning_ties[match(shapes$iso3, cty$iso3)]
save("ties-map", ggplot(shapes, aes(long, lat, group = group, fill = ties)) +
  geom_polygon(colour = "white", linewidth = 0.2) + coord_quickmap() + scale_fill_viridis_c(name = "Ties") + theme_void() +
  labs(title = "Where the ties are", subtitle = "Twinning ties with Chinese cities and provinces, by country",
       caption = "Source: twinning.csv; shapes: Natural Earth 1:110m"), width = 6.1, height = 6.1)

tab_df <- as.data.frame(tab, responseName = "n")
names(tab_df)[1:2] <- c("label", "outcome_label")
totals <- as.data.frame(table(coded$label), responseName = "n")
save("outcomes-by-channel", ggplot(tab_df, aes(n, forcats_free <- factor(label, levels = rev(levels(coded$label))), fill = outcome_label)) +
  geom_col(position = position_fill(reverse = TRUE)) +
  geom_text(data = totals, aes(x = 1.02, y = Var1, label = paste("n =", n)), inherit.aes = FALSE, hjust = 0, size = 2.4) +
  scale_x_continuous(labels = scales::percent) +
  scale_fill_manual(values = setNames(c("#0072B2", "#56B4E9", "#E69F00", "#D55E00", "#999999"), outcome_labels)) +
  labs(title = "What each channel produced", subtitle = "Outcome of documented local-level engagements, share of cases by channel",
       x = "Share of cases", y = NULL, fill = NULL, caption = source_note) + theme(legend.position = "top"))

deal_share$group <- factor(deal_share$group, levels = rev(deal_share$group))
save("deal-share", ggplot(deal_share, aes(share, group)) +
  geom_linerange(aes(xmin = low, xmax = high), colour = "#56B4E9", linewidth = 1) + geom_point(colour = "#0072B2", size = 2) +
  scale_x_continuous(labels = scales::percent, limits = c(0, 1)) +
  labs(title = "Few channels produce deals \u2014 and the uncertainty is wide",
       subtitle = "Share of local-level cases with a concrete deal, by channel, with Wilson 95% intervals",
       x = "Share with a concrete deal", y = NULL, caption = source_note), height = 3.33)

save("channel-outcome-heatmap", ggplot(tab_df, aes(outcome_label, factor(label, levels = rev(levels(coded$label))), fill = n)) + geom_tile() +
  geom_text(aes(label = n, colour = n > max(n) / 2), show.legend = FALSE) +
  scale_colour_manual(values = c("black", "white")) + scale_fill_distiller(palette = "Blues", direction = 1) +
  labs(title = "Channel by outcome", subtitle = "Number of documented local-level cases", x = NULL, y = NULL,
       fill = "Cases", caption = source_note), height = 3.6)

scale_k <- max(aggregate(n ~ first_year, by_year_channel, sum)$n) / max(by_year$cumulative)
papers <- data.frame(year = c("2008", "2015", "2016"), text = c("2008 policy paper", "2015 China\u2013CELAC plan", "2016 policy paper"))
papers <- papers[papers$year %in% levels(by_year$first_year), ]
save("timeline", ggplot(by_year_channel, aes(first_year, n, fill = label)) + geom_col() +
  geom_line(data = by_year, aes(first_year, cumulative * scale_k, group = 1), inherit.aes = FALSE, colour = "#333333") +
  geom_vline(data = papers, aes(xintercept = year), linetype = "dashed", colour = "grey60") +
  geom_text(data = papers, aes(year, Inf, label = text), inherit.aes = FALSE, angle = 90, hjust = 1, vjust = -0.3, size = 2.2) +
  scale_y_continuous(sec.axis = sec_axis(~ . / scale_k, name = "Cumulative cases")) +
  scale_fill_manual(values = channel_colours) +
  labs(title = "A slow start, then a wave after 2015",
       subtitle = "New local-level engagements by first year and channel (columns) and cumulative total (line, right axis)",
       x = NULL, y = "New cases", fill = "Channel", caption = "Source: cases.csv") +
  theme(axis.text.x = element_text(angle = 90), legend.text = element_text(size = 6)), height = 4.17)

# --- PDF ---------------------------------------------------------------------------------------
findings <- c(
  sprintf("Brazil, Mexico, Argentina and Chile hold %d of the %d twinning ties; the count of ties rises with regional authority (Spearman \u03c1 = %.2f, %s, n = %d).",
          big_four, ties_total, ties_count_rai$estimate, p_text(ties_count_rai$p.value), nrow(with_rai)),
  sprintf("Per person the pattern disappears: \u03c1 = %.2f (%s; permutation %s); Poisson rate ratio per 10 RAI points %.2f (%.2f\u2013%.2f), dispersion %.1f; without BRA, MEX, ARG: \u03c1 = %.2f, rate ratio %.2f (%.2f\u2013%.2f).",
          ties_rai$estimate, p_text(ties_rai$p.value), p_text(p_perm), pois$rr[[1]], pois$rr[[2]], pois$rr[[3]], pois$dispersion,
          ties_rai_influence$estimate, pois_drop$rr[[1]], pois_drop$rr[[2]], pois_drop$rr[[3]]),
  sprintf("Of %d local-level engagements, %d (%.0f%%; %.2f\u2013%.2f) produced a concrete deal; Monte-Carlo Fisher %s, Cram\u00e9r's V = %.2f, %d cells with expected count below 5.",
          nrow(local), sum(local$deal), 100 * mean(local$deal), overall[[1]], overall[[2]], p_text(fisher_mc$p.value), cramers_v, cells_below_5),
  sprintf("LAC-initiated: %d of %d deals; Chinese-initiated: %d of %d (Fisher %s; odds ratio %.1f, %.1f\u2013%.1f).",
          initiator_share$k[initiator_share$group == "lac_side"], initiator_share$n[initiator_share$group == "lac_side"],
          initiator_share$k[initiator_share$group == "chinese_side"], initiator_share$n[initiator_share$group == "chinese_side"],
          p_text(fisher2$p.value), fisher2$estimate, fisher2$conf.int[[1]], fisher2$conf.int[[2]]),
  sprintf("Countries that recognised Taipei in 2020 had %d ties. %d cases have no first year.", sum(taipei_ties), year_unknown))

cairo_pdf(file.path(out_dir, "china-lac-local.pdf"), width = 8.27, height = 11.69, onefile = TRUE)
grid::grid.newpage()
grid::grid.text("Going local: China's subnational engagement\nwith Latin America and the Caribbean",
                x = 0.08, y = 0.92, just = c("left", "top"), gp = grid::gpar(fontsize = 16, fontface = "bold"))
grid::grid.text(paste("\u2022", strwrap(findings, 95, prefix = "", exdent = 2), collapse = "\n"),
                x = 0.08, y = 0.82, just = c("left", "top"), gp = grid::gpar(fontsize = 9, lineheight = 1.3))
for (p in plots) print(p)
text_table <- function(title, frame) {
  frame[] <- lapply(frame, function(col) substr(ifelse(is.na(col), "", format(col, big.mark = ",")), 1, 40))
  header <- paste(sprintf("%-16s", names(frame)), collapse = " ")
  lines <- apply(frame, 1, function(r) paste(sprintf("%-16s", r), collapse = " "))
  for (page in split(lines, ceiling(seq_along(lines) / 45))) {
    grid::grid.newpage()
    grid::grid.text(title, x = 0.05, y = 0.95, just = "left", gp = grid::gpar(fontface = "bold"))
    grid::grid.text(paste(c(header, page), collapse = "\n"), x = 0.05, y = 0.92, just = c("left", "top"),
                    gp = grid::gpar(fontsize = 5, fontfamily = "mono"))
  }
}
text_table("Deals with known amounts (never summed across kinds)", money)
text_table("Countries without an RAI score", rai_missing[, c("iso3", "name", "twinning_ties", "population")])
text_table("Every case", case_rows)
invisible(dev.off())
