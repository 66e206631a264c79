/// Reviewed scene dumps of the examples (see `SceneGoldenTests`). Generated from
/// /tmp/dossier-charts/<name>.dump.txt after looking at the PNGs.
enum SceneGoldens {
    static let all: [String: String] = [
        "0-bar": ##"""
scene 420x260 "Documented cases by city"
  text title "Documented cases by city" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=144x14.98
  text subtitle "Local-level engagements, 2000–2020" @8,23.98 start/top Noto Sans 8.5pt #555555 box=146x11.58
  text source "Source: Dossier case list" @8,243.15 start/top Noto Sans 6.5pt #555555 box=77x8.85
  group panel/0
    path panel/0/grid stroke=#E3E3E3 w=0.5 M46.21,205.72 L412,205.72 M46.21,143.35 L412,143.35 M46.21,80.98 L412,80.98
    group panel/0/marks clip=[46.21 43.56 365.79 162.16]
      path panel/0/layer1/bar/São_Paulo fill=#0072B2 R[114.8 199.73 45.72 5.99]
      path panel/0/layer1/bar/Panamá fill=#0072B2 R[297.69 204.22 45.72 1.5]
      path panel/0/layer1/bar/Querétaro fill=#0072B2 R[358.66 204.84 45.72 0.87]
      path panel/0/layer1/bar/Córdoba fill=#0072B2 R[175.76 203.22 45.72 2.49]
      path panel/0/layer1/bar/Bogotá fill=#0072B2 R[236.73 203.85 45.72 1.87]
      path panel/0/layer1/bar/Valparaíso fill=#0072B2 R[53.84 51.79 45.72 153.93]
    path panel/0/baseline-y stroke=#777777 w=0.75 M46.21,205.72 L412,205.72
    text panel/0/axis-x/label/0 "Valparaíso" @76.7,210.72 middle/top Noto Sans 7.5pt #555555 box=37x10.21
    text panel/0/axis-x/label/1 "São Paulo" @137.66,210.72 middle/top Noto Sans 7.5pt #555555 box=36x10.21
    text panel/0/axis-x/label/2 "Córdoba" @198.63,210.72 middle/top Noto Sans 7.5pt #555555 box=32x10.21
    text panel/0/axis-x/label/3 "Bogotá" @259.59,210.72 middle/top Noto Sans 7.5pt #555555 box=27x10.21
    text panel/0/axis-x/label/4 "Panamá" @320.55,210.72 middle/top Noto Sans 7.5pt #555555 box=29x10.21
    text panel/0/axis-x/label/5 "Querétaro" @381.52,210.72 middle/top Noto Sans 7.5pt #555555 box=37x10.21
    text panel/0/axis-y/label/0 "0" @41.21,205.72 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/0/axis-y/label/1 "500" @41.21,143.35 end/middle Noto Sans 7.5pt #555555 box=12x10.21
    text panel/0/axis-y/label/2 "1,000" @41.21,80.98 end/middle Noto Sans 7.5pt #555555 box=18x10.21
  text axis-x/title "City" @229.11,235.15 middle/bottom Noto Sans Bold 7.5pt #1A1A1A box=14x10.21
  text axis-y/title "Cases" @8,124.64 middle/top rot=-90 Noto Sans Bold 7.5pt #1A1A1A box=22x10.21

"""##,
        "1-scatter": ##"""
scene 480x360 "More regional authority, more ties with Chinese localities"
  text title "More regional authority, more ties with Chinese localities" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=317x14.98
  text subtitle "Twinning ties per 10 million people (log scale) against the Regional Authority Index, 2018" @8,23.98 start/top Noto Sans 8.5pt #555555 box=347x11.58
  text caption "Line and band: Poisson fit with log-population offset and its 95% interval." @8,334.29 start/top Noto Sans 6.5pt #555555 box=229x8.85
  text source "Source: Hooghe et al., Regional Authority Index; Wikipedia twinning lists" @8,343.15 start/top Noto Sans 6.5pt #555555 box=228x8.85
  group panel/0
    path panel/0/grid stroke=#E3E3E3 w=0.5 M38.21,43.56 L38.21,296.87 M110.87,43.56 L110.87,296.87 M183.52,43.56 L183.52,296.87 M256.17,43.56 L256.17,296.87 M328.82,43.56 L328.82,296.87 M401.47,43.56 L401.47,296.87 M38.21,296.87 L416,296.87 M38.21,263.73 L416,263.73 M38.21,219.92 L416,219.92 M38.21,186.78 L416,186.78 M38.21,153.64 L416,153.64 M38.21,109.84 L416,109.84 M38.21,76.7 L416,76.7 M38.21,43.56 L416,43.56
    group panel/0/marks clip=[38.21 43.56 377.79 253.31]
      path panel/0/layer1/area fill=#9999994D M38.21,234.63 L52.75,228.89 L67.28,223.16 L81.81,217.42 L96.34,211.68 L110.87,205.94 L125.4,200.21 L139.93,194.47 L154.46,188.73 L168.99,183 L183.52,177.26 L198.05,171.52 L212.58,165.78 L227.11,161.96 L241.64,158.14 L256.17,154.31 L270.7,150.49 L285.23,146.66 L299.76,142.84 L314.29,139.01 L328.82,135.19 L343.35,131.36 L357.88,127.54 L372.41,123.71 L386.94,119.89 L401.47,116.06 L416,112.24 L416,61.56 L401.47,67.3 L386.94,73.04 L372.41,78.77 L357.88,84.51 L343.35,90.25 L328.82,95.98 L314.29,101.72 L299.76,107.46 L285.23,113.2 L270.7,118.93 L256.17,124.67 L241.64,130.41 L227.11,136.14 L212.58,141.88 L198.05,145.71 L183.52,149.53 L168.99,153.35 L154.46,157.18 L139.93,161 L125.4,164.83 L110.87,168.65 L96.34,172.48 L81.81,176.3 L67.28,180.13 L52.75,183.95 L38.21,187.78 Z
      path panel/0/layer2/line stroke=#555555 w=1.5 M38.21,211.2 L52.75,206.42 L67.28,201.64 L81.81,196.86 L96.34,192.08 L110.87,187.3 L125.4,182.52 L139.93,177.74 L154.46,172.96 L168.99,168.18 L183.52,163.39 L198.05,158.61 L212.58,153.83 L227.11,149.05 L241.64,144.27 L256.17,139.49 L270.7,134.71 L285.23,129.93 L299.76,125.15 L314.29,120.37 L328.82,115.59 L343.35,110.8 L357.88,106.02 L372.41,101.24 L386.94,96.46 L401.47,91.68 L416,86.9
    path panel/0/layer3/point/Argentina fill=#0072B2 stroke=#FFFFFF w=0.6 O394.2,77.66,3.5
    path panel/0/layer3/point/Brasil fill=#0072B2 stroke=#FFFFFF w=0.6 O357.88,100.33,3.5
    path panel/0/layer3/point/México fill=#0072B2 stroke=#FFFFFF w=0.6 O401.47,131.17,3.5
    path panel/0/layer3/point/Colombia fill=#0072B2 stroke=#FFFFFF w=0.6 O263.43,144.93,3.5
    path panel/0/layer3/point/Perú fill=#0072B2 stroke=#FFFFFF w=0.6 O183.52,134.26,3.5
    path panel/0/layer3/point/Chile fill=#0072B2 stroke=#FFFFFF w=0.6 O168.99,97.29,3.5
    path panel/0/layer3/point/Ecuador fill=#0072B2 stroke=#FFFFFF w=0.6 O212.58,135.88,3.5
    path panel/0/layer3/point/Bolivia fill=#0072B2 stroke=#FFFFFF w=0.6 O219.84,161.41,3.5
    path panel/0/layer3/point/Venezuela fill=#0072B2 stroke=#FFFFFF w=0.6 O241.64,182.22,3.5
    path panel/0/layer3/point/Uruguay fill=#0072B2 stroke=#FFFFFF w=0.6 O154.46,83.91,3.5
    path panel/0/layer3/point/Paraguay fill=#E69F00 stroke=#FFFFFF w=0.6 O125.4,244.34,3.5
    path panel/0/layer3/point/Panamá fill=#0072B2 stroke=#FFFFFF w=0.6 O96.34,146.96,3.5
    path panel/0/layer3/point/Costa_Rica fill=#0072B2 stroke=#FFFFFF w=0.6 O81.81,156.09,3.5
    path panel/0/layer3/point/Cuba fill=#0072B2 stroke=#FFFFFF w=0.6 O110.87,126.89,3.5
    path panel/0/layer3/point/República_Dominicana fill=#0072B2 stroke=#FFFFFF w=0.6 O67.28,191.82,3.5
    path panel/0/layer3/point/Guatemala fill=#E69F00 stroke=#FFFFFF w=0.6 O89.07,263.73,3.5
    path panel/0/layer3/point/Honduras fill=#E69F00 stroke=#FFFFFF w=0.6 O74.54,277.48,3.5
    path panel/0/layer3/point/El_Salvador fill=#0072B2 stroke=#FFFFFF w=0.6 O67.28,211.2,3.5
    path panel/0/layer3/point/Nicaragua fill=#0072B2 stroke=#FFFFFF w=0.6 O132.66,219.92,3.5
    path panel/0/layer3/point/Jamaica fill=#0072B2 stroke=#FFFFFF w=0.6 O52.75,129.7,3.5
    path panel/0/axis-x/line stroke=#777777 w=0.5 M38.21,296.87 L416,296.87
    text panel/0/axis-x/label/0 "0" @38.21,301.87 middle/top Noto Sans 7.5pt #555555 box=4x10.21
    text panel/0/axis-x/label/1 "5" @110.87,301.87 middle/top Noto Sans 7.5pt #555555 box=4x10.21
    text panel/0/axis-x/label/2 "10" @183.52,301.87 middle/top Noto Sans 7.5pt #555555 box=8x10.21
    text panel/0/axis-x/label/3 "15" @256.17,301.87 middle/top Noto Sans 7.5pt #555555 box=8x10.21
    text panel/0/axis-x/label/4 "20" @328.82,301.87 middle/top Noto Sans 7.5pt #555555 box=8x10.21
    text panel/0/axis-x/label/5 "25" @401.47,301.87 middle/top Noto Sans 7.5pt #555555 box=8x10.21
    path panel/0/axis-x/ticks stroke=#777777 w=0.5 M38.21,296.87 L38.21,299.87 M110.87,296.87 L110.87,299.87 M183.52,296.87 L183.52,299.87 M256.17,296.87 L256.17,299.87 M328.82,296.87 L328.82,299.87 M401.47,296.87 L401.47,299.87
    text panel/0/axis-y/label/0 "0.1" @33.21,296.87 end/middle Noto Sans 7.5pt #555555 box=10x10.21
    text panel/0/axis-y/label/1 "0.2" @33.21,263.73 end/middle Noto Sans 7.5pt #555555 box=10x10.21
    text panel/0/axis-y/label/2 "0.5" @33.21,219.92 end/middle Noto Sans 7.5pt #555555 box=10x10.21
    text panel/0/axis-y/label/3 "1" @33.21,186.78 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/0/axis-y/label/4 "2" @33.21,153.64 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/0/axis-y/label/5 "5" @33.21,109.84 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/0/axis-y/label/6 "10" @33.21,76.7 end/middle Noto Sans 7.5pt #555555 box=8x10.21
    text panel/0/axis-y/label/7 "20" @33.21,43.56 end/middle Noto Sans 7.5pt #555555 box=8x10.21
    text panel/0/point-label/Argentina "Argentina" @351.21,72.56 start/top Noto Sans 7.5pt #1A1A1A box=36x10.21
    text panel/0/point-label/Brasil "Brasil" @330.88,95.22 start/top Noto Sans 7.5pt #1A1A1A box=20x10.21
    text panel/0/point-label/México "México" @368.47,126.07 start/top Noto Sans 7.5pt #1A1A1A box=26x10.21
    text panel/0/point-label/Colombia "Colombia" @270.43,139.82 start/top Noto Sans 7.5pt #1A1A1A box=35x10.21
    text panel/0/point-label/Perú "Perú" @159.52,129.15 start/top Noto Sans 7.5pt #1A1A1A box=17x10.21
    text panel/0/point-label/Chile "Chile" @175.99,92.19 start/top Noto Sans 7.5pt #1A1A1A box=18x10.21
    text panel/0/point-label/Ecuador "Ecuador" @197.58,118.66 start/top Noto Sans 7.5pt #1A1A1A box=30x10.21
    text panel/0/point-label/Bolivia "Bolivia" @226.84,156.31 start/top Noto Sans 7.5pt #1A1A1A box=24x10.21
    text panel/0/point-label/Venezuela "Venezuela" @248.64,177.12 start/top Noto Sans 7.5pt #1A1A1A box=36x10.21
    text panel/0/point-label/Uruguay "Uruguay" @161.46,78.8 start/top Noto Sans 7.5pt #1A1A1A box=31x10.21
    text panel/0/point-label/Paraguay "Paraguay" @132.4,239.23 start/top Noto Sans 7.5pt #1A1A1A box=34x10.21
    text panel/0/point-label/Panamá "Panamá" @103.34,141.85 start/top Noto Sans 7.5pt #1A1A1A box=29x10.21
    text panel/0/point-label/Costa_Rica "Costa Rica" @62.81,163.1 start/top Noto Sans 7.5pt #1A1A1A box=38x10.21
    text panel/0/point-label/Cuba "Cuba" @117.87,121.78 start/top Noto Sans 7.5pt #1A1A1A box=19x10.21
    path panel/0/leader/República_Dominicana stroke=#555555 w=0.4 M70.46,195 L78.68,203.22
    text panel/0/point-label/República_Dominicana "República Dominicana" @79.38,203.93 start/top Noto Sans 7.5pt #1A1A1A box=81x10.21
    text panel/0/point-label/Guatemala "Guatemala" @96.07,258.62 start/top Noto Sans 7.5pt #1A1A1A box=38x10.21
    text panel/0/point-label/Honduras "Honduras" @81.54,272.37 start/top Noto Sans 7.5pt #1A1A1A box=37x10.21
    text panel/0/point-label/El_Salvador "El Salvador" @47.78,218.2 start/top Noto Sans 7.5pt #1A1A1A box=39x10.21
    text panel/0/point-label/Nicaragua "Nicaragua" @114.16,226.92 start/top Noto Sans 7.5pt #1A1A1A box=37x10.21
    text panel/0/point-label/Jamaica "Jamaica" @59.75,124.59 start/top Noto Sans 7.5pt #1A1A1A box=27x10.21
  text axis-x/title "Regional Authority Index (2018)" @227.11,326.29 middle/bottom Noto Sans Bold 7.5pt #1A1A1A box=117x10.21
  text axis-y/title "Ties per 10 M people" @8,170.21 middle/top rot=-90 Noto Sans Bold 7.5pt #1A1A1A box=74x10.21
  group legend
    text legend/title "Recognises" @430,43.56 start/top Noto Sans Bold 7.5pt #1A1A1A box=42x10.21
    path legend/swatch/Beijing fill=#0072B2 O434.5,61.88,3.6
    text legend/label/Beijing "Beijing" @443,61.88 start/middle Noto Sans 7.5pt #1A1A1A box=25x10.21
    path legend/swatch/Taipei fill=#E69F00 O434.5,74.1,3.6
    text legend/label/Taipei "Taipei" @443,74.1 start/middle Noto Sans 7.5pt #1A1A1A box=21x10.21

"""##,
        "2-stacked": ##"""
scene 480x260 "Outcomes by channel"
  text title "Outcomes by channel" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=120x14.98
  text subtitle "Share of local-level cases by outcome; bars sorted by share with a concrete deal" @8,23.98 start/top Noto Sans 8.5pt #555555 box=312x11.58
  text source "Source: Dossier case list" @8,243.15 start/top Noto Sans 6.5pt #555555 box=77x8.85
  group panel/0
    path panel/0/grid stroke=#E3E3E3 w=0.5 M81,63.77 L81,205.72 M172.5,63.77 L172.5,205.72 M264,63.77 L264,205.72 M355.5,63.77 L355.5,205.72 M447,63.77 L447,205.72
    group panel/0/marks clip=[81 63.77 366 141.94]
      path panel/0/layer1/bar/Twinning/Concrete_deal fill=#0072B2 stroke=#FFFFFF w=0.5 R[81 90.39 126.69 17.74]
      path panel/0/layer1/bar/Twinning/Agreement_signed fill=#E69F00 stroke=#FFFFFF w=0.5 R[207.69 90.39 84.46 17.74]
      path panel/0/layer1/bar/Twinning/Exchanges_only fill=#009E73 stroke=#FFFFFF w=0.5 R[292.15 90.39 112.62 17.74]
      path panel/0/layer1/bar/Twinning/Stalled fill=#CC79A7 stroke=#FFFFFF w=0.5 R[404.77 90.39 42.23 17.74]
      path panel/0/layer1/bar/Provincial_visits/Concrete_deal fill=#0072B2 stroke=#FFFFFF w=0.5 R[81 114.05 107.65 17.74]
      path panel/0/layer1/bar/Provincial_visits/Agreement_signed fill=#E69F00 stroke=#FFFFFF w=0.5 R[188.65 114.05 86.12 17.74]
      path panel/0/layer1/bar/Provincial_visits/Exchanges_only fill=#009E73 stroke=#FFFFFF w=0.5 R[274.76 114.05 129.18 17.74]
      path panel/0/layer1/bar/Provincial_visits/Stalled fill=#CC79A7 stroke=#FFFFFF w=0.5 R[403.94 114.05 43.06 17.74]
      path panel/0/layer1/bar/Trade_missions/Concrete_deal fill=#0072B2 stroke=#FFFFFF w=0.5 R[81 66.73 213.5 17.74]
      path panel/0/layer1/bar/Trade_missions/Agreement_signed fill=#E69F00 stroke=#FFFFFF w=0.5 R[294.5 66.73 61 17.74]
      path panel/0/layer1/bar/Trade_missions/Exchanges_only fill=#009E73 stroke=#FFFFFF w=0.5 R[355.5 66.73 61 17.74]
      path panel/0/layer1/bar/Trade_missions/Stalled fill=#CC79A7 stroke=#FFFFFF w=0.5 R[416.5 66.73 30.5 17.74]
      path panel/0/layer1/bar/Party_channels/Concrete_deal fill=#0072B2 stroke=#FFFFFF w=0.5 R[81 185.02 33.27 17.74]
      path panel/0/layer1/bar/Party_channels/Agreement_signed fill=#E69F00 stroke=#FFFFFF w=0.5 R[114.27 185.02 66.55 17.74]
      path panel/0/layer1/bar/Party_channels/Exchanges_only fill=#009E73 stroke=#FFFFFF w=0.5 R[180.82 185.02 166.36 17.74]
      path panel/0/layer1/bar/Party_channels/Stalled fill=#CC79A7 stroke=#FFFFFF w=0.5 R[347.18 185.02 99.82 17.74]
      path panel/0/layer1/bar/Diaspora_networks/Concrete_deal fill=#0072B2 stroke=#FFFFFF w=0.5 R[81 137.7 104.57 17.74]
      path panel/0/layer1/bar/Diaspora_networks/Agreement_signed fill=#E69F00 stroke=#FFFFFF w=0.5 R[185.57 137.7 52.29 17.74]
      path panel/0/layer1/bar/Diaspora_networks/Exchanges_only fill=#009E73 stroke=#FFFFFF w=0.5 R[237.86 137.7 156.86 17.74]
      path panel/0/layer1/bar/Diaspora_networks/Stalled fill=#CC79A7 stroke=#FFFFFF w=0.5 R[394.71 137.7 52.29 17.74]
      path panel/0/layer1/bar/Universities/Concrete_deal fill=#0072B2 stroke=#FFFFFF w=0.5 R[81 161.36 36.6 17.74]
      path panel/0/layer1/bar/Universities/Agreement_signed fill=#E69F00 stroke=#FFFFFF w=0.5 R[117.6 161.36 109.8 17.74]
      path panel/0/layer1/bar/Universities/Exchanges_only fill=#009E73 stroke=#FFFFFF w=0.5 R[227.4 161.36 146.4 17.74]
      path panel/0/layer1/bar/Universities/Stalled fill=#CC79A7 stroke=#FFFFFF w=0.5 R[373.8 161.36 73.2 17.74]
    text panel/0/layer1/total/Twinning "n = 26" @451,99.26 start/middle Noto Sans 7.5pt #555555 box=21x10.21
    text panel/0/layer1/total/Provincial_visits "n = 17" @451,122.92 start/middle Noto Sans 7.5pt #555555 box=21x10.21
    text panel/0/layer1/total/Trade_missions "n = 12" @451,75.6 start/middle Noto Sans 7.5pt #555555 box=21x10.21
    text panel/0/layer1/total/Party_channels "n = 11" @451,193.89 start/middle Noto Sans 7.5pt #555555 box=21x10.21
    text panel/0/layer1/total/Diaspora_networks "n = 7" @451,146.57 start/middle Noto Sans 7.5pt #555555 box=17x10.21
    text panel/0/layer1/total/Universities "n = 10" @451,170.23 start/middle Noto Sans 7.5pt #555555 box=21x10.21
    path panel/0/baseline-x stroke=#777777 w=0.75 M81,63.77 L81,205.72
    text panel/0/axis-x/label/0 "0%" @81,210.72 middle/top Noto Sans 7.5pt #555555 box=10x10.21
    text panel/0/axis-x/label/1 "25%" @172.5,210.72 middle/top Noto Sans 7.5pt #555555 box=14x10.21
    text panel/0/axis-x/label/2 "50%" @264,210.72 middle/top Noto Sans 7.5pt #555555 box=14x10.21
    text panel/0/axis-x/label/3 "75%" @355.5,210.72 middle/top Noto Sans 7.5pt #555555 box=14x10.21
    text panel/0/axis-x/label/4 "100%" @447,210.72 middle/top Noto Sans 7.5pt #555555 box=18x10.21
    path panel/0/axis-x/ticks stroke=#777777 w=0.5 M81,205.72 L81,208.72 M172.5,205.72 L172.5,208.72 M264,205.72 L264,208.72 M355.5,205.72 L355.5,208.72 M447,205.72 L447,208.72
    text panel/0/axis-y/label/0 "Trade missions" @76,75.6 end/middle Noto Sans 7.5pt #555555 box=55x10.21
    text panel/0/axis-y/label/1 "Twinning" @76,99.26 end/middle Noto Sans 7.5pt #555555 box=34x10.21
    text panel/0/axis-y/label/2 "Provincial visits" @76,122.92 end/middle Noto Sans 7.5pt #555555 box=56x10.21
    text panel/0/axis-y/label/3 "Diaspora networks" @76,146.57 end/middle Noto Sans 7.5pt #555555 box=68x10.21
    text panel/0/axis-y/label/4 "Universities" @76,170.23 end/middle Noto Sans 7.5pt #555555 box=42x10.21
    text panel/0/axis-y/label/5 "Party channels" @76,193.89 end/middle Noto Sans 7.5pt #555555 box=54x10.21
  text axis-x/title "Share of cases" @264,235.15 middle/bottom Noto Sans Bold 7.5pt #1A1A1A box=54x10.21
  group legend
    path legend/swatch/Concrete deal fill=#0072B2 R[8 45.17 9 9]
    text legend/label/Concrete deal "Concrete deal" @21,49.67 start/middle Noto Sans 7.5pt #1A1A1A box=50x10.21
    path legend/swatch/Agreement signed fill=#E69F00 R[81 45.17 9 9]
    text legend/label/Agreement signed "Agreement signed" @94,49.67 start/middle Noto Sans 7.5pt #1A1A1A box=67x10.21
    path legend/swatch/Exchanges only fill=#009E73 R[171 45.17 9 9]
    text legend/label/Exchanges only "Exchanges only" @184,49.67 start/middle Noto Sans 7.5pt #1A1A1A box=57x10.21
    path legend/swatch/Stalled fill=#CC79A7 R[251 45.17 9 9]
    text legend/label/Stalled "Stalled" @264,49.67 start/middle Noto Sans 7.5pt #1A1A1A box=24x10.21

"""##,
        "3-interval": ##"""
scene 440x240 "Share of cases with a concrete deal"
  text title "Share of cases with a concrete deal" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=196x14.98
  text subtitle "By channel, with Wilson 95% intervals" @8,23.98 start/top Noto Sans 8.5pt #555555 box=147x11.58
  text caption "Few cases per channel: intervals are wide." @8,223.15 start/top Noto Sans 6.5pt #555555 box=134x8.85
  group panel/0
    path panel/0/grid stroke=#E3E3E3 w=0.5 M81,43.56 L81,185.72 M166.5,43.56 L166.5,185.72 M252,43.56 L252,185.72 M337.5,43.56 L337.5,185.72 M423,43.56 L423,185.72
    group panel/0/marks clip=[81 43.56 342 142.16]
      path panel/0/layer1/rule/0 stroke=#56B4E9 w=2 M145.98,80.24 L262.26,80.24
      path panel/0/layer1/rule/1 stroke=#56B4E9 w=2 M125.46,126.1 L262.26,126.1
      path panel/0/layer1/rule/2 stroke=#56B4E9 w=2 M190.44,57.32 L358.02,57.32
      path panel/0/layer1/rule/3 stroke=#56B4E9 w=2 M87.84,171.96 L210.96,171.96
      path panel/0/layer1/rule/4 stroke=#56B4E9 w=2 M108.36,103.17 L299.88,103.17
      path panel/0/layer1/rule/5 stroke=#56B4E9 w=2 M87.84,149.03 L217.8,149.03
    path panel/0/layer2/point/0 fill=#0072B2 stroke=#FFFFFF w=0.6 O200.7,80.24,4
    path panel/0/layer2/point/1 fill=#0072B2 stroke=#FFFFFF w=0.6 O180.18,126.1,4
    path panel/0/layer2/point/2 fill=#0072B2 stroke=#FFFFFF w=0.6 O279.36,57.32,4
    path panel/0/layer2/point/3 fill=#0072B2 stroke=#FFFFFF w=0.6 O111.78,171.96,4
    path panel/0/layer2/point/4 fill=#0072B2 stroke=#FFFFFF w=0.6 O180.18,103.17,4
    path panel/0/layer2/point/5 fill=#0072B2 stroke=#FFFFFF w=0.6 O115.2,149.03,4
    text panel/0/axis-x/label/0 "0%" @81,190.72 middle/top Noto Sans 7.5pt #555555 box=10x10.21
    text panel/0/axis-x/label/1 "25%" @166.5,190.72 middle/top Noto Sans 7.5pt #555555 box=14x10.21
    text panel/0/axis-x/label/2 "50%" @252,190.72 middle/top Noto Sans 7.5pt #555555 box=14x10.21
    text panel/0/axis-x/label/3 "75%" @337.5,190.72 middle/top Noto Sans 7.5pt #555555 box=14x10.21
    text panel/0/axis-x/label/4 "100%" @423,190.72 middle/top Noto Sans 7.5pt #555555 box=18x10.21
    path panel/0/axis-x/ticks stroke=#777777 w=0.5 M81,185.72 L81,188.72 M166.5,185.72 L166.5,188.72 M252,185.72 L252,188.72 M337.5,185.72 L337.5,188.72 M423,185.72 L423,188.72
    text panel/0/axis-y/label/0 "Trade missions" @76,57.32 end/middle Noto Sans 7.5pt #555555 box=55x10.21
    text panel/0/axis-y/label/1 "Twinning" @76,80.24 end/middle Noto Sans 7.5pt #555555 box=34x10.21
    text panel/0/axis-y/label/2 "Diaspora networks" @76,103.17 end/middle Noto Sans 7.5pt #555555 box=68x10.21
    text panel/0/axis-y/label/3 "Provincial visits" @76,126.1 end/middle Noto Sans 7.5pt #555555 box=56x10.21
    text panel/0/axis-y/label/4 "Universities" @76,149.03 end/middle Noto Sans 7.5pt #555555 box=42x10.21
    text panel/0/axis-y/label/5 "Party channels" @76,171.96 end/middle Noto Sans 7.5pt #555555 box=54x10.21
  text axis-x/title "Share with a concrete deal" @252,215.15 middle/bottom Noto Sans Bold 7.5pt #1A1A1A box=98x10.21

"""##,
        "4-timeline": ##"""
scene 520x320 "New engagements per year, by channel"
  text title "New engagements per year, by channel" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=219x14.98
  text subtitle "Columns: new cases per year (left axis); line: cumulative total (right axis)" @8,23.98 start/top Noto Sans 8.5pt #555555 box=282x11.58
  text source "Source: Dossier case list" @8,303.15 start/top Noto Sans 6.5pt #555555 box=77x8.85
  group panel/0
    path panel/0/grid stroke=#E3E3E3 w=0.5 M36.21,279.93 L397.79,279.93 M36.21,196.6 L397.79,196.6 M36.21,113.26 L397.79,113.26
    group panel/0/marks clip=[36.21 63.26 361.57 216.67]
      path panel/0/layer1/bar/2004/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[38.87 246.6 15.95 16.67]
      path panel/0/layer1/bar/2004/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[38.87 263.27 15.95 16.67]
      path panel/0/layer1/bar/2004/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[38.87 213.27 15.95 33.33]
      path panel/0/layer1/bar/2005/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[60.14 213.27 15.95 66.67]
      path panel/0/layer1/bar/2005/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[60.14 279.93 15.95 0]
      path panel/0/layer1/bar/2005/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[60.14 196.6 15.95 16.67]
      path panel/0/layer1/bar/2006/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[81.41 179.93 15.95 50]
      path panel/0/layer1/bar/2006/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[81.41 229.93 15.95 50]
      path panel/0/layer1/bar/2006/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[81.41 179.93 15.95 0]
      path panel/0/layer1/bar/2007/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[102.68 213.27 15.95 33.33]
      path panel/0/layer1/bar/2007/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[102.68 246.6 15.95 33.33]
      path panel/0/layer1/bar/2007/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[102.68 163.26 15.95 50]
      path panel/0/layer1/bar/2008/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[123.95 246.6 15.95 16.67]
      path panel/0/layer1/bar/2008/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[123.95 263.27 15.95 16.67]
      path panel/0/layer1/bar/2008/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[123.95 213.27 15.95 33.33]
      path panel/0/layer1/bar/2009/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[145.22 213.27 15.95 66.67]
      path panel/0/layer1/bar/2009/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[145.22 279.93 15.95 0]
      path panel/0/layer1/bar/2009/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[145.22 196.6 15.95 16.67]
      path panel/0/layer1/bar/2010/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[166.49 179.93 15.95 50]
      path panel/0/layer1/bar/2010/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[166.49 229.93 15.95 50]
      path panel/0/layer1/bar/2010/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[166.49 179.93 15.95 0]
      path panel/0/layer1/bar/2011/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[187.76 213.27 15.95 33.33]
      path panel/0/layer1/bar/2011/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[187.76 246.6 15.95 33.33]
      path panel/0/layer1/bar/2011/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[187.76 163.26 15.95 50]
      path panel/0/layer1/bar/2012/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[209.02 246.6 15.95 16.67]
      path panel/0/layer1/bar/2012/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[209.02 263.27 15.95 16.67]
      path panel/0/layer1/bar/2012/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[209.02 213.27 15.95 33.33]
      path panel/0/layer1/bar/2013/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[230.29 213.27 15.95 66.67]
      path panel/0/layer1/bar/2013/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[230.29 279.93 15.95 0]
      path panel/0/layer1/bar/2013/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[230.29 196.6 15.95 16.67]
      path panel/0/layer1/bar/2014/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[251.56 179.93 15.95 50]
      path panel/0/layer1/bar/2014/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[251.56 229.93 15.95 50]
      path panel/0/layer1/bar/2014/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[251.56 179.93 15.95 0]
      path panel/0/layer1/bar/2015/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[272.83 146.6 15.95 66.67]
      path panel/0/layer1/bar/2015/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[272.83 213.27 15.95 66.67]
      path panel/0/layer1/bar/2015/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[272.83 63.26 15.95 83.33]
      path panel/0/layer1/bar/2016/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[294.1 179.93 15.95 50]
      path panel/0/layer1/bar/2016/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[294.1 229.93 15.95 50]
      path panel/0/layer1/bar/2016/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[294.1 113.26 15.95 66.67]
      path panel/0/layer1/bar/2017/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[315.37 146.6 15.95 100]
      path panel/0/layer1/bar/2017/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[315.37 246.6 15.95 33.33]
      path panel/0/layer1/bar/2017/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[315.37 96.6 15.95 50]
      path panel/0/layer1/bar/2018/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[336.64 113.26 15.95 83.33]
      path panel/0/layer1/bar/2018/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[336.64 196.6 15.95 83.33]
      path panel/0/layer1/bar/2018/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[336.64 79.93 15.95 33.33]
      path panel/0/layer1/bar/2019/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[357.91 146.6 15.95 66.67]
      path panel/0/layer1/bar/2019/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[357.91 213.27 15.95 66.67]
      path panel/0/layer1/bar/2019/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[357.91 63.26 15.95 83.33]
      path panel/0/layer1/bar/2020/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[379.17 179.93 15.95 50]
      path panel/0/layer1/bar/2020/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[379.17 229.93 15.95 50]
      path panel/0/layer1/bar/2020/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[379.17 113.26 15.95 66.67]
      path panel/0/layer2/line stroke=#333333 w=1.5 M46.85,273.27 L68.12,264.93 L89.39,254.93 L110.66,243.27 L131.92,236.6 L153.19,228.27 L174.46,218.27 L195.73,206.6 L217,199.93 L238.27,191.6 L259.54,181.6 L280.81,159.93 L302.08,143.26 L323.34,124.93 L344.61,104.93 L365.88,83.26 L387.15,66.6
    path panel/0/baseline-y stroke=#777777 w=0.75 M36.21,279.93 L397.79,279.93
    text panel/0/axis-x/label/0 "2004" @46.85,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/1 "2005" @68.12,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/2 "2006" @89.39,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/3 "2007" @110.66,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/4 "2008" @131.92,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/5 "2009" @153.19,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/6 "2010" @174.46,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/7 "2011" @195.73,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/8 "2012" @217,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/9 "2013" @238.27,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/10 "2014" @259.54,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/11 "2015" @280.81,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/12 "2016" @302.08,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/13 "2017" @323.34,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/14 "2018" @344.61,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/15 "2019" @365.88,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-x/label/16 "2020" @387.15,284.93 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/0/axis-y/label/0 "0" @31.21,279.93 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/0/axis-y/label/1 "5" @31.21,196.6 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/0/axis-y/label/2 "10" @31.21,113.26 end/middle Noto Sans 7.5pt #555555 box=8x10.21
    text panel/0/axis-y2/label/0 "0" @402.79,279.93 start/middle Noto Sans 7.5pt #333333 box=4x10.21
    text panel/0/axis-y2/label/1 "50" @402.79,196.6 start/middle Noto Sans 7.5pt #333333 box=8x10.21
    text panel/0/axis-y2/label/2 "100" @402.79,113.26 start/middle Noto Sans 7.5pt #333333 box=12x10.21
    path panel/0/axis-y2/ticks stroke=#777777 w=0.5 M397.79,279.93 L400.79,279.93 M397.79,196.6 L400.79,196.6 M397.79,113.26 L400.79,113.26 M397.79,63.26 L397.79,279.93
    path panel/0/annotation/0 stroke=#444444 w=0.75 dash=3,2 M131.92,57.84 L131.92,279.93
    text panel/0/annotation/0/label "2008 policy paper" @134.92,53.41 start/top Noto Sans 6.5pt #444444 box=57x8.85
    path panel/0/annotation/1 stroke=#444444 w=0.75 dash=3,2 M280.81,47.98 L280.81,279.93
    text panel/0/annotation/1/label "2015 China–CELAC plan" @283.81,43.56 start/top Noto Sans 6.5pt #444444 box=74x8.85
    path panel/0/annotation/2 stroke=#444444 w=0.75 dash=3,2 M302.08,57.84 L302.08,279.93
    text panel/0/annotation/2/label "2016 policy paper" @305.08,53.41 start/top Noto Sans 6.5pt #444444 box=57x8.85
  text axis-y/title "New cases" @8,171.6 middle/top rot=-90 Noto Sans Bold 7.5pt #1A1A1A box=39x10.21
  text axis-y2/title "Cumulative cases" @419.79,171.6 middle/top rot=-90 Noto Sans Bold 7.5pt #1A1A1A box=65x10.21
  group legend
    text legend/title "Channel" @444,43.56 start/top Noto Sans Bold 7.5pt #1A1A1A box=31x10.21
    path legend/swatch/Trade missions fill=#0072B2 R[444 57.38 9 9]
    text legend/label/Trade missions "Trade missions" @457,61.88 start/middle Noto Sans 7.5pt #1A1A1A box=55x10.21
    path legend/swatch/Twinning fill=#E69F00 R[444 69.6 9 9]
    text legend/label/Twinning "Twinning" @457,74.1 start/middle Noto Sans 7.5pt #1A1A1A box=34x10.21
    path legend/swatch/Visits fill=#009E73 R[444 81.81 9 9]
    text legend/label/Visits "Visits" @457,86.31 start/middle Noto Sans 7.5pt #1A1A1A box=20x10.21

"""##,
        "5-heatmap": ##"""
scene 460x280 "Channel by outcome"
  text title "Channel by outcome" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=114x14.98
  text subtitle "Number of local-level cases" @8,23.98 start/top Noto Sans 8.5pt #555555 box=108x11.58
  group panel/0
    group panel/0/marks clip=[81 43.56 335 213.23]
      path panel/0/layer1/rect/Concrete_deal/Twinning fill=#482474 R[81 43.56 81.21 34.35]
      path panel/0/layer1/rect/Agreement_signed/Twinning fill=#2A788E R[165.6 43.56 81.21 34.35]
      path panel/0/layer1/rect/Exchanges_only/Twinning fill=#404286 R[250.19 43.56 81.21 34.35]
      path panel/0/layer1/rect/Stalled/Twinning fill=#46BE6F R[334.79 43.56 81.21 34.35]
      path panel/0/layer1/rect/Concrete_deal/Provincial_visits fill=#23908C R[81 79.33 81.21 34.35]
      path panel/0/layer1/rect/Agreement_signed/Provincial_visits fill=#28A883 R[165.6 79.33 81.21 34.35]
      path panel/0/layer1/rect/Exchanges_only/Provincial_visits fill=#2A788E R[250.19 79.33 81.21 34.35]
      path panel/0/layer1/rect/Stalled/Provincial_visits fill=#7CD14F R[334.79 79.33 81.21 34.35]
      path panel/0/layer1/rect/Concrete_deal/Trade_missions fill=#355F8D R[81 115.11 81.21 34.35]
      path panel/0/layer1/rect/Agreement_signed/Trade_missions fill=#7CD14F R[165.6 115.11 81.21 34.35]
      path panel/0/layer1/rect/Exchanges_only/Trade_missions fill=#7CD14F R[250.19 115.11 81.21 34.35]
      path panel/0/layer1/rect/Stalled/Trade_missions fill=#BCDF2A R[334.79 115.11 81.21 34.35]
      path panel/0/layer1/rect/Concrete_deal/Party_channels fill=#BCDF2A R[81 150.89 81.21 34.35]
      path panel/0/layer1/rect/Agreement_signed/Party_channels fill=#7CD14F R[165.6 150.89 81.21 34.35]
      path panel/0/layer1/rect/Exchanges_only/Party_channels fill=#23908C R[250.19 150.89 81.21 34.35]
      path panel/0/layer1/rect/Stalled/Party_channels fill=#46BE6F R[334.79 150.89 81.21 34.35]
      path panel/0/layer1/rect/Concrete_deal/Diaspora_networks fill=#7CD14F R[81 186.66 81.21 34.35]
      path panel/0/layer1/rect/Agreement_signed/Diaspora_networks fill=#BCDF2A R[165.6 186.66 81.21 34.35]
      path panel/0/layer1/rect/Exchanges_only/Diaspora_networks fill=#46BE6F R[250.19 186.66 81.21 34.35]
      path panel/0/layer1/rect/Stalled/Diaspora_networks fill=#BCDF2A R[334.79 186.66 81.21 34.35]
      path panel/0/layer1/rect/Concrete_deal/Universities fill=#BCDF2A R[81 222.44 81.21 34.35]
      path panel/0/layer1/rect/Agreement_signed/Universities fill=#46BE6F R[165.6 222.44 81.21 34.35]
      path panel/0/layer1/rect/Exchanges_only/Universities fill=#28A883 R[250.19 222.44 81.21 34.35]
      path panel/0/layer1/rect/Stalled/Universities fill=#7CD14F R[334.79 222.44 81.21 34.35]
    text panel/0/layer2/text/Concrete_deal/Twinning "9" @121.61,60.73 middle/middle Noto Sans 7.5pt #FFFFFF box=4x10.21
    text panel/0/layer2/text/Agreement_signed/Twinning "6" @206.2,60.73 middle/middle Noto Sans 7.5pt #FFFFFF box=4x10.21
    text panel/0/layer2/text/Exchanges_only/Twinning "8" @290.8,60.73 middle/middle Noto Sans 7.5pt #FFFFFF box=4x10.21
    text panel/0/layer2/text/Stalled/Twinning "3" @375.39,60.73 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Concrete_deal/Provincial_visits "5" @121.61,96.51 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Agreement_signed/Provincial_visits "4" @206.2,96.51 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Exchanges_only/Provincial_visits "6" @290.8,96.51 middle/middle Noto Sans 7.5pt #FFFFFF box=4x10.21
    text panel/0/layer2/text/Stalled/Provincial_visits "2" @375.39,96.51 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Concrete_deal/Trade_missions "7" @121.61,132.28 middle/middle Noto Sans 7.5pt #FFFFFF box=4x10.21
    text panel/0/layer2/text/Agreement_signed/Trade_missions "2" @206.2,132.28 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Exchanges_only/Trade_missions "2" @290.8,132.28 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Stalled/Trade_missions "1" @375.39,132.28 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Concrete_deal/Party_channels "1" @121.61,168.06 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Agreement_signed/Party_channels "2" @206.2,168.06 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Exchanges_only/Party_channels "5" @290.8,168.06 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Stalled/Party_channels "3" @375.39,168.06 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Concrete_deal/Diaspora_networks "2" @121.61,203.84 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Agreement_signed/Diaspora_networks "1" @206.2,203.84 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Exchanges_only/Diaspora_networks "3" @290.8,203.84 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Stalled/Diaspora_networks "1" @375.39,203.84 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Concrete_deal/Universities "1" @121.61,239.61 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Agreement_signed/Universities "3" @206.2,239.61 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Exchanges_only/Universities "4" @290.8,239.61 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/layer2/text/Stalled/Universities "2" @375.39,239.61 middle/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    text panel/0/axis-x/label/0 "Concrete deal" @121.61,261.79 middle/top Noto Sans 7.5pt #555555 box=50x10.21
    text panel/0/axis-x/label/1 "Agreement signed" @206.2,261.79 middle/top Noto Sans 7.5pt #555555 box=67x10.21
    text panel/0/axis-x/label/2 "Exchanges only" @290.8,261.79 middle/top Noto Sans 7.5pt #555555 box=57x10.21
    text panel/0/axis-x/label/3 "Stalled" @375.39,261.79 middle/top Noto Sans 7.5pt #555555 box=24x10.21
    text panel/0/axis-y/label/0 "Twinning" @76,60.73 end/middle Noto Sans 7.5pt #555555 box=34x10.21
    text panel/0/axis-y/label/1 "Provincial visits" @76,96.51 end/middle Noto Sans 7.5pt #555555 box=56x10.21
    text panel/0/axis-y/label/2 "Trade missions" @76,132.28 end/middle Noto Sans 7.5pt #555555 box=55x10.21
    text panel/0/axis-y/label/3 "Party channels" @76,168.06 end/middle Noto Sans 7.5pt #555555 box=54x10.21
    text panel/0/axis-y/label/4 "Diaspora networks" @76,203.84 end/middle Noto Sans 7.5pt #555555 box=68x10.21
    text panel/0/axis-y/label/5 "Universities" @76,239.61 end/middle Noto Sans 7.5pt #555555 box=42x10.21
  group legend
    text legend/title "Cases" @430,43.56 start/top Noto Sans Bold 7.5pt #1A1A1A box=22x10.21
    path legend/gradient/0 fill=#F6E626 R[430 158.84 10 2.34]
    path legend/gradient/1 fill=#E9E427 R[430 156.8 10 2.34]
    path legend/gradient/2 fill=#DBE328 R[430 154.76 10 2.34]
    path legend/gradient/3 fill=#CEE129 R[430 152.71 10 2.34]
    path legend/gradient/4 fill=#C0DF2A R[430 150.67 10 2.34]
    path legend/gradient/5 fill=#B3DE2C R[430 148.63 10 2.34]
    path legend/gradient/6 fill=#A5DB35 R[430 146.59 10 2.34]
    path legend/gradient/7 fill=#98D83D R[430 144.55 10 2.34]
    path legend/gradient/8 fill=#8BD546 R[430 142.51 10 2.34]
    path legend/gradient/9 fill=#7ED24E R[430 140.46 10 2.34]
    path legend/gradient/10 fill=#70CF57 R[430 138.42 10 2.34]
    path legend/gradient/11 fill=#65CA5D R[430 136.38 10 2.34]
    path legend/gradient/12 fill=#5AC663 R[430 134.34 10 2.34]
    path legend/gradient/13 fill=#50C26A R[430 132.3 10 2.34]
    path legend/gradient/14 fill=#45BD70 R[430 130.26 10 2.34]
    path legend/gradient/15 fill=#3AB976 R[430 128.21 10 2.34]
    path legend/gradient/16 fill=#33B57A R[430 126.17 10 2.34]
    path legend/gradient/17 fill=#2FB07E R[430 124.13 10 2.34]
    path legend/gradient/18 fill=#2BAB81 R[430 122.09 10 2.34]
    path legend/gradient/19 fill=#27A784 R[430 120.05 10 2.34]
    path legend/gradient/20 fill=#22A287 R[430 118.01 10 2.34]
    path legend/gradient/21 fill=#1F9D89 R[430 115.96 10 2.34]
    path legend/gradient/22 fill=#21988A R[430 113.92 10 2.34]
    path legend/gradient/23 fill=#22938B R[430 111.88 10 2.34]
    path legend/gradient/24 fill=#238D8C R[430 109.84 10 2.34]
    path legend/gradient/25 fill=#24888D R[430 107.8 10 2.34]
    path legend/gradient/26 fill=#26838E R[430 105.76 10 2.34]
    path legend/gradient/27 fill=#287E8E R[430 103.71 10 2.34]
    path legend/gradient/28 fill=#2A798E R[430 101.67 10 2.34]
    path legend/gradient/29 fill=#2C748E R[430 99.63 10 2.34]
    path legend/gradient/30 fill=#2E6F8E R[430 97.59 10 2.34]
    path legend/gradient/31 fill=#306A8E R[430 95.55 10 2.34]
    path legend/gradient/32 fill=#32658E R[430 93.51 10 2.34]
    path legend/gradient/33 fill=#355F8D R[430 91.46 10 2.34]
    path legend/gradient/34 fill=#37598C R[430 89.42 10 2.34]
    path legend/gradient/35 fill=#3A548B R[430 87.38 10 2.34]
    path legend/gradient/36 fill=#3C4E8A R[430 85.34 10 2.34]
    path legend/gradient/37 fill=#3E4888 R[430 83.3 10 2.34]
    path legend/gradient/38 fill=#404285 R[430 81.26 10 2.34]
    path legend/gradient/39 fill=#423C82 R[430 79.21 10 2.34]
    path legend/gradient/40 fill=#44357F R[430 77.17 10 2.34]
    path legend/gradient/41 fill=#462F7C R[430 75.13 10 2.34]
    path legend/gradient/42 fill=#482979 R[430 73.09 10 2.34]
    path legend/gradient/43 fill=#472272 R[430 71.05 10 2.34]
    path legend/gradient/44 fill=#471B6C R[430 69.01 10 2.34]
    path legend/gradient/45 fill=#461365 R[430 66.96 10 2.34]
    path legend/gradient/46 fill=#450C5E R[430 64.92 10 2.34]
    path legend/gradient/47 fill=#440557 R[430 62.88 10 2.04]
    path legend/tick/0 stroke=#FFFFFF w=0.6 M438,160.88 L440,160.88
    text legend/label/0 "0" @444,160.88 start/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    path legend/tick/1 stroke=#FFFFFF w=0.6 M438,141.28 L440,141.28
    text legend/label/2 "2" @444,141.28 start/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    path legend/tick/2 stroke=#FFFFFF w=0.6 M438,121.68 L440,121.68
    text legend/label/4 "4" @444,121.68 start/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    path legend/tick/3 stroke=#FFFFFF w=0.6 M438,102.08 L440,102.08
    text legend/label/6 "6" @444,102.08 start/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    path legend/tick/4 stroke=#FFFFFF w=0.6 M438,82.48 L440,82.48
    text legend/label/8 "8" @444,82.48 start/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    path legend/tick/5 stroke=#FFFFFF w=0.6 M438,62.88 L440,62.88
    text legend/label/10 "10" @444,62.88 start/middle Noto Sans 7.5pt #1A1A1A box=8x10.21

"""##,
        "6-map": ##"""
scene 420x440 "Twinning ties with Chinese cities and provinces"
  text title "Twinning ties with Chinese cities and provinces" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=257x14.98
  text subtitle "By country; small island states as circles" @8,23.98 start/top Noto Sans 8.5pt #555555 box=155x11.58
  text source "Source: Wikipedia twinning lists; Natural Earth 1:110m" @8,423.15 start/top Noto Sans 6.5pt #555555 box=173x8.85
  group panel/0
    group panel/0/marks clip=[8 43.56 348 371.59]
      path panel/0/layer1/shape/ARG fill=#3E4A89 stroke=#FFFFFF w=0.5 M198.39,410.51 L196.82,410.31 L194.01,410.15 L194.91,401.3 L195.77,403.19 L196.79,406.24 L199.96,408.83 L203.5,410.07 L202.03,411.96 L199.53,411.99 L198.39,410.51 Z M195.21,399.96 L192.7,399.22 L186.01,398.45 L184.97,396.1 L185.16,393.1 L183.25,393.32 L182.29,391.84 L182.18,387.58 L184.5,385.85 L185.55,383.31 L185.29,381.26 L187.05,377.84 L188.44,372.49 L188.23,370.09 L189.64,369.35 L189.38,367.81 L187.95,366.95 L189.08,365.26 L187.71,363.68 L187.15,358.93 L188.5,358.13 L188.16,353.1 L189.13,348.9 L190.19,345.24 L192.31,343.79 L191.46,339.72 L191.62,335.9 L194.4,333.26 L194.49,329.78 L196.74,325.77 L196.95,321.93 L196.05,321.14 L194.7,313.86 L197.17,309.61 L197.01,305.52 L198.52,301.74 L201.19,297.86 L204.02,295.33 L202.96,293.63 L203.83,292.3 L204.06,285.25 L208.4,283.31 L209.98,278.96 L209.56,277.87 L213.06,274.17 L218.15,275.43 L220.26,278.61 L222.03,275.27 L226.5,275.69 L227.07,276.64 L233.63,284.02 L236.73,284.89 L241.11,288.38 L244.85,290.36 L245.18,292.29 L240.67,298.43 L244.31,299.9 L248.43,300.93 L251.48,300.53 L255.35,297.61 L256.5,293.92 L258.49,293.29 L260.02,295.95 L259.42,299.34 L255.92,301.35 L253.16,302.83 L248.37,306.53 L242.64,311.83 L241.25,315.12 L239.65,319.36 L239.07,323.55 L238.16,324.41 L237.48,327.1 L236.9,329.26 L240.78,333.27 L239.82,336.1 L241.66,338.14 L241.12,340.16 L236.91,345.15 L231.54,346.88 L224.67,347.14 L221.02,346.43 L221.4,348.95 L220.29,351.99 L220.6,354.12 L218.43,355.41 L214.99,355.73 L212,354.02 L210.6,355.02 L210.59,359.13 L212.63,360.51 L214.57,359.34 L215.25,361.54 L212.13,362.6 L209.25,364.98 L208.29,369.06 L207.29,371.19 L204.34,371.03 L201.68,372.98 L200.5,375.98 L203.18,379.11 L205.97,380.11 L204.5,383.67 L200.74,385.74 L198.34,390.35 L195.55,391.8 L194.21,393.63 L194.74,397.82 L196.36,400.22 L195.21,399.96 Z
      path panel/0/layer1/shape/BHS fill=#E6E6E6 stroke=#FFFFFF w=0.5 M168.24,81.74 L167.24,81.94 L166.22,79.61 L164.71,78.44 L165.63,75.87 L166.85,76.03 L168.24,79.39 L168.24,81.74 Z M167.19,70.34 L162.79,70.99 L162.54,69.5 L164.43,69.18 L167.08,69.3 L167.19,70.34 Z M170.49,70.3 L169.78,73.16 L169.04,72.65 L169.12,70.54 L167.34,68.95 L167.33,68.49 L170.49,70.3 Z
      path panel/0/layer1/shape/BLZ fill=#E6E6E6 stroke=#FFFFFF w=0.5 M119.59,106.52 L119.58,105.91 L120.09,105.71 L120.83,106.19 L122.42,103.66 L123.22,103.6 L123.21,104.2 L123.99,104.21 L123.88,105.34 L123.13,107.14 L123.47,107.78 L122.97,109.27 L123.22,109.66 L122.65,111.77 L121.79,112.88 L121.03,113.03 L120.15,114.49 L118.9,114.51 L119.41,109.81 L119.59,106.52 Z
      path panel/0/layer1/shape/BOL fill=#BEDF2A stroke=#FFFFFF w=0.5 M227.07,276.64 L226.5,275.69 L222.03,275.27 L220.26,278.61 L218.15,275.43 L213.06,274.17 L209.56,277.87 L206.7,278.35 L205.42,272.45 L203.49,267.62 L204.91,263.54 L202.87,261.68 L202.44,258.6 L200.55,255.65 L203.25,251.13 L201.61,247.5 L202.59,246.09 L201.9,244.5 L203.56,242.41 L203.75,238.78 L204.03,235.79 L204.96,234.37 L201.53,227.43 L204.62,227.86 L206.77,227.82 L207.74,226.56 L211.43,224.93 L213.68,223.4 L219.16,222.86 L218.61,226.04 L219.07,227.7 L218.63,230.55 L222.98,234.55 L227.57,235.46 L229.11,237.14 L231.85,238.12 L233.48,239.45 L236.06,239.54 L238.37,240.95 L238.39,243.43 L239.11,244.73 L239.04,246.58 L237.85,246.58 L239.06,251.66 L246.79,252.35 L246,254.78 L246.29,256.5 L248.38,257.86 L249.08,260.6 L248.06,263.92 L246.8,265.71 L246.95,268.18 L245.63,268.97 L245.69,267.65 L242.19,265.2 L238.51,264.89 L231.47,265.7 L229.28,269.34 L229.01,271.63 L227.07,276.64 Z
      path panel/0/layer1/shape/BRA fill=#440154 stroke=#FFFFFF w=0.5 M242.64,311.83 L248.37,306.53 L253.16,302.83 L255.92,301.35 L259.42,299.34 L260.02,295.95 L258.49,293.29 L256.5,293.92 L257.59,291.53 L258.46,289.06 L258.78,286.71 L257.51,285.8 L255.98,286.35 L254.58,286.03 L254.34,284.35 L254.47,280.4 L253.89,279.05 L251.41,277.67 L249.72,278.37 L245.7,277.22 L246.56,271.44 L245.63,268.97 L246.95,268.18 L246.8,265.71 L248.06,263.92 L249.08,260.6 L248.38,257.86 L246.29,256.5 L246,254.78 L246.79,252.35 L239.06,251.66 L237.85,246.58 L239.04,246.58 L239.11,244.73 L238.39,243.43 L238.37,240.95 L236.06,239.54 L233.48,239.45 L231.85,238.12 L229.11,237.14 L227.57,235.46 L222.98,234.55 L218.63,230.55 L219.07,227.7 L218.61,226.04 L219.16,222.86 L213.68,223.4 L211.43,224.93 L207.74,226.56 L206.77,227.82 L204.62,227.86 L201.53,227.43 L199.16,228.11 L197.27,227.58 L197.67,221.12 L194.19,223.57 L190.49,223.41 L188.93,221.12 L186.15,220.84 L187.05,219.02 L184.74,216.41 L183,212.57 L184.12,211.8 L184.13,210 L186.69,208.8 L186.28,206.49 L187.37,205.02 L187.69,203.04 L192.57,200.2 L196.06,199.43 L196.63,198.8 L200.46,199.06 L202.48,187.44 L202.6,185.6 L201.95,183.16 L200.06,181.58 L200.1,178.5 L202.51,177.84 L203.36,178.29 L203.51,176.67 L201.01,176.19 L200.97,173.54 L209.3,173.78 L210.71,172.35 L211.9,173.72 L212.72,176.24 L213.52,175.73 L215.86,178.04 L219.18,177.85 L220.01,176.57 L223.19,175.66 L224.94,175.02 L225.45,173.23 L228.5,172.11 L228.27,171.21 L224.66,170.74 L224.08,168.05 L224.26,165.21 L222.35,164.06 L223.15,163.69 L226.3,164.32 L229.69,165.48 L230.92,164.51 L233.98,163.95 L238.73,162.52 L240.28,160.95 L239.71,159.73 L241.92,159.62 L242.91,160.63 L242.36,162.48 L243.82,163.18 L244.8,165.19 L243.62,166.65 L242.93,170.25 L244.01,172.45 L244.3,174.44 L246.89,176.56 L248.97,176.86 L249.44,176.04 L250.78,175.92 L252.7,175.25 L254.09,174.18 L256.42,174.65 L257.45,174.55 L259.74,175.01 L260.13,174.15 L259.43,173.27 L259.86,172.04 L261.55,172.51 L263.55,172.17 L265.95,173.21 L267.78,174.2 L269.09,173.1 L270.03,173.33 L270.59,174.58 L272.61,174.38 L274.23,172.84 L275.53,169.74 L278.02,165.93 L279.44,165.81 L280.48,168.26 L282.77,175.97 L284.99,176.83 L285.06,179.84 L281.85,183.19 L283.12,184.59 L290.46,185.8 L290.48,190.18 L293.72,187.56 L298.87,189.55 L305.62,192.81 L307.52,195.57 L306.73,197.94 L311.56,197.03 L319.37,200.17 L325.43,200.64 L331.17,205 L335.93,210.63 L338.9,212.32 L342.29,212.95 L343.6,214.56 L344.41,220.48 L344.79,223.3 L342.4,230.51 L340.06,233.14 L333.77,238.55 L330.61,243.21 L327.18,246.64 L326.2,246.58 L324.64,249.68 L323.64,258.02 L321.44,264.65 L320.52,267.49 L319.01,269.04 L317.25,274.8 L312.34,279.9 L310.8,284.3 L307.4,285.7 L306,288.17 L301.96,287.52 L295.76,288.3 L292.76,289.84 L288.33,290.51 L283.3,293.33 L279.37,297.17 L278.24,300.29 L278.4,302.74 L276.88,306.96 L275.64,308.92 L272.64,310.92 L267.17,317.86 L263.37,320.81 L260.56,322.48 L258.17,326.29 L255.38,328.4 L254.86,325.91 L256.8,324.1 L255.27,320.99 L252.87,318.34 L249.6,315.24 L248.24,315.23 L245.08,311.6 L242.64,311.83 Z
      path panel/0/layer1/shape/CHL fill=#21948B stroke=#FFFFFF w=0.5 M194.91,401.3 L194.01,410.15 L196.82,410.31 L198.39,410.51 L197.32,412.05 L194.96,413.15 L193.7,412.96 L192.2,412.56 L190.42,411.29 L187.73,410.62 L184.54,408.31 L181.91,406.12 L178.29,401.62 L180.53,402.48 L184.24,405.21 L187.72,406.73 L189.24,404.96 L190.32,402.28 L192.99,400.74 L194.91,401.3 Z M209.56,277.87 L209.98,278.96 L208.4,283.31 L204.06,285.25 L203.83,292.3 L202.96,293.63 L204.02,295.33 L201.19,297.86 L198.52,301.74 L197.01,305.52 L197.17,309.61 L194.7,313.86 L196.05,321.14 L196.95,321.93 L196.74,325.77 L194.49,329.78 L194.4,333.26 L191.62,335.9 L191.46,339.72 L192.31,343.79 L190.19,345.24 L189.13,348.9 L188.16,353.1 L188.5,358.13 L187.15,358.93 L187.71,363.68 L189.08,365.26 L187.95,366.95 L189.38,367.81 L189.64,369.35 L188.23,370.09 L188.44,372.49 L187.05,377.84 L185.29,381.26 L185.55,383.31 L184.5,385.85 L182.18,387.58 L182.29,391.84 L183.25,393.32 L185.16,393.1 L184.97,396.1 L186.01,398.45 L192.7,399.22 L195.21,399.96 L192.75,399.82 L191.34,400.74 L188.75,402.09 L188.06,405.79 L186.91,405.84 L183.94,404.47 L180.92,401.64 L177.53,399.33 L176.69,396.79 L177.51,394.45 L176.1,391.78 L175.76,384.92 L177.05,381.04 L180.3,377.94 L175.68,376.72 L178.65,373.15 L179.83,366.39 L183.32,367.87 L185.28,359.42 L183.12,358.29 L181.97,363.4 L179.95,362.8 L181.09,356.94 L182.39,349.33 L184.01,346.53 L183.13,342.48 L182.95,337.8 L184.42,337.69 L186.76,331.01 L189.45,324.39 L191.21,318.19 L190.58,311.9 L191.81,308.46 L191.54,303.26 L193.93,298.16 L194.91,290.01 L196.46,281.26 L198.02,271.81 L197.95,264.85 L197.28,258.84 L199.39,257.81 L200.55,255.65 L202.44,258.6 L202.87,261.68 L204.91,263.54 L203.49,267.62 L205.42,272.45 L206.7,278.35 L209.56,277.87 Z
      path panel/0/layer1/shape/COL fill=#80D24C stroke=#FFFFFF w=0.5 M213.52,175.73 L212.72,176.24 L211.9,173.72 L210.71,172.35 L209.3,173.78 L200.97,173.54 L201.01,176.19 L203.51,176.67 L203.36,178.29 L202.51,177.84 L200.1,178.5 L200.06,181.58 L201.95,183.16 L202.6,185.6 L202.48,187.44 L200.46,199.06 L198.36,196.76 L197.09,196.64 L199.87,192.36 L196.62,190.32 L194.06,190.65 L192.53,189.9 L190.17,191 L187,190.44 L184.5,185.97 L182.52,184.87 L181.16,182.86 L178.32,180.85 L177.18,181.24 L175.35,180.24 L173.25,178.84 L172.03,179.51 L168.4,178.94 L167.36,177.12 L166.56,177.19 L162.28,174.8 L161.69,173.49 L163.29,173.16 L163.1,171.05 L164.1,169.51 L166.23,169.21 L168.03,166.55 L169.67,164.33 L168.09,163.33 L168.9,160.88 L167.93,157.03 L168.85,155.93 L168.18,152.37 L166.45,150.14 L167,148.1 L168.38,148.39 L169.19,147.14 L168.2,144.68 L168.72,144.06 L170.93,144.19 L174.13,141.26 L175.89,140.82 L175.93,139.43 L176.72,135.9 L179.16,133.97 L181.84,133.89 L182.18,133.02 L185.51,133.38 L188.85,131.29 L190.5,130.37 L192.54,128.38 L194.04,128.64 L195.17,129.75 L194.36,131.15 L191.63,131.82 L190.57,133.91 L188.92,135.09 L187.69,136.64 L187.19,139.62 L186.01,142.06 L188.22,142.36 L188.77,144.29 L189.72,145.22 L190.06,146.91 L189.56,148.46 L189.71,149.34 L190.76,149.69 L191.79,151.17 L197.29,150.82 L199.77,151.38 L202.79,155.04 L204.52,154.62 L207.6,154.89 L210.03,154.45 L211.55,155.2 L210.79,157.46 L209.84,158.86 L209.51,161.89 L210.37,164.71 L211.58,165.99 L211.73,166.94 L209.56,169.01 L211.11,169.97 L212.24,171.48 L213.52,175.73 Z
      path panel/0/layer1/shape/CRI fill=#D3E228 stroke=#FFFFFF w=0.5 M144.74,146.13 L142.43,145.23 L141.57,144.36 L142.07,143.63 L141.92,142.7 L140.75,141.71 L139.08,140.91 L137.63,140.4 L137.36,139.18 L136.25,138.44 L136.51,139.66 L135.65,140.68 L134.69,139.53 L133.33,139.14 L132.76,138.3 L132.81,137.02 L133.39,135.69 L132.2,135.12 L133.19,134.3 L133.84,133.75 L136.62,134.81 L137.6,134.25 L138.94,134.58 L139.63,135.43 L140.88,135.69 L141.91,134.79 L142.96,137.05 L144.59,138.71 L146.57,140.48 L144.92,140.87 L144.93,142.56 L145.81,143.17 L145.17,143.68 L145.33,144.44 L144.97,145.29 L144.74,146.13 Z
      path panel/0/layer1/shape/CUB fill=#AADB32 stroke=#FFFFFF w=0.5 M148.84,84.12 L152.37,84.39 L155.58,84.42 L159.41,85.8 L161.02,87.28 L164.86,86.81 L166.31,87.77 L169.78,90.29 L172.35,92.13 L173.71,92.07 L176.17,92.9 L175.87,94.06 L178.93,94.23 L182.07,95.91 L181.59,96.86 L178.83,97.38 L176.03,97.58 L173.16,97.26 L167.21,97.66 L170.01,95.37 L168.33,94.31 L165.66,94.05 L164.24,92.87 L163.29,90.54 L160.95,90.71 L157.12,89.63 L155.91,88.78 L150.56,88.17 L149.15,87.38 L150.71,86.36 L146.7,86.17 L143.68,88.31 L141.97,88.38 L141.35,89.38 L139.3,89.84 L137.55,89.47 L139.77,88.19 L140.72,86.71 L142.6,85.79 L144.72,84.98 L147.83,84.57 L148.84,84.12 Z
      path panel/0/layer1/shape/DOM fill=#DEE328 stroke=#FFFFFF w=0.5 M192.34,98.27 L192.85,97.58 L196.09,97.61 L198.57,98.68 L199.67,98.59 L200.46,100.05 L202.73,99.98 L202.63,101.21 L204.48,101.37 L206.57,102.9 L205.06,104.57 L203.06,103.65 L201.15,103.81 L199.77,103.6 L199.03,104.35 L197.43,104.59 L196.78,103.59 L195.41,104.17 L193.78,106.98 L192.69,106.32 L192.46,105.14 L192.53,104.02 L191.44,102.78 L192.45,102.09 L192.74,100.51 L192.34,98.27 Z
      path panel/0/layer1/shape/ECU fill=#64CA5E stroke=#FFFFFF w=0.5 M162.28,174.8 L166.56,177.19 L167.36,177.12 L168.4,178.94 L172.03,179.51 L173.25,178.84 L175.35,180.24 L177.18,181.24 L177.78,184.46 L176.44,187.22 L171.79,191.66 L166.67,193.35 L164.07,197.07 L163.28,199.94 L160.89,201.71 L159.09,199.58 L157.37,199.14 L155.62,199.5 L155.49,197.95 L156.7,196.92 L156.18,195.16 L158.43,191.95 L157.49,190.11 L155.88,192.1 L153.31,190.27 L154.17,189.07 L153.43,185.22 L154.92,184.56 L155.69,181.91 L157.3,179.17 L157,177.44 L159.34,176.51 L162.28,174.8 Z
      path panel/0/layer1/shape/FLK fill=#E6E6E6 stroke=#FFFFFF w=0.5 M215.85,399.68 L219.66,397.63 L221.8,398.89 L223.82,397.49 L225.61,399.54 L224.45,400.84 L220.49,401.6 L219.57,400.07 L216.86,401.61 L215.85,399.68 Z
      path panel/0/layer1/shape/GTM fill=#E6E6E6 stroke=#FFFFFF w=0.5 M119.59,106.52 L119.41,109.81 L118.9,114.51 L120.15,114.49 L121.48,115.22 L121.87,114.59 L123.08,115.1 L121.11,116.72 L119.08,117.93 L118.76,118.74 L119.07,119.55 L118.16,120.63 L117.16,120.9 L117.37,121.39 L116.57,121.87 L115.09,122.96 L114.94,123.57 L112.81,122.89 L110.19,122.88 L108.31,122.09 L106.12,120.41 L106.27,119.19 L106.8,118.2 L106.24,117.43 L108.41,113.97 L113.76,113.85 L113.93,112.43 L113.27,112.19 L112.84,111.29 L111.35,110.36 L109.87,109 L111.75,108.95 L111.86,106.61 L115.74,106.53 L119.59,106.52 Z
      path panel/0/layer1/shape/GUY fill=#F3E626 stroke=#FFFFFF w=0.5 M257.45,174.55 L256.42,174.65 L254.09,174.18 L252.7,175.25 L250.78,175.92 L249.44,176.04 L248.97,176.86 L246.89,176.56 L244.3,174.44 L244.01,172.45 L242.93,170.25 L243.62,166.65 L244.8,165.19 L243.82,163.18 L242.36,162.48 L242.91,160.63 L241.92,159.62 L239.71,159.73 L236.82,156.41 L237.96,155.28 L237.86,153.32 L240.46,152.72 L241.5,151.96 L240.03,150.34 L240.38,148.81 L243.7,146.42 L246.51,148.08 L249.16,150.93 L249.31,153.13 L250.91,153.29 L253.2,155.45 L254.88,157.01 L254.23,160.82 L251.67,161.83 L251.9,162.84 L251.12,165.01 L252.99,168.19 L254.35,168.26 L254.89,170.7 L257.45,174.55 Z
      path panel/0/layer1/shape/HND fill=#E6E6E6 stroke=#FFFFFF w=0.5 M118.16,120.63 L119.07,119.55 L118.76,118.74 L119.08,117.93 L121.11,116.72 L123.08,115.1 L123.51,115.25 L124.45,114.51 L125.65,114.43 L126.03,114.76 L126.69,114.54 L128.62,114.89 L130.57,114.75 L131.93,114.27 L132.44,113.8 L133.77,114 L134.76,114.27 L135.86,114.15 L136.71,113.78 L138.61,114.34 L139.28,114.42 L140.54,115.18 L141.74,116.1 L143.25,116.72 L144.34,117.85 L142.9,117.78 L142.3,118.35 L140.83,118.91 L139.76,118.92 L138.82,119.46 L137.98,119.29 L137.28,118.66 L136.83,118.79 L136.27,119.79 L135.86,119.76 L135.77,120.62 L134.28,121.79 L133.49,122.29 L133.04,122.82 L131.82,121.99 L130.88,123.12 L130,123.1 L129.01,123.22 L129.05,125.27 L128.43,125.32 L127.88,126.28 L126.56,126.48 L125.86,125.18 L124.59,124.84 L124.93,123.16 L124.37,122.72 L123.51,122.44 L121.65,122.97 L121.51,122.41 L120.26,121.77 L119.38,120.95 L118.16,120.63 Z
      path panel/0/layer1/shape/HTI fill=#E6E6E6 stroke=#FFFFFF w=0.5 M192.34,98.27 L192.74,100.51 L192.45,102.09 L191.44,102.78 L192.53,104.02 L192.46,105.14 L189.68,104.42 L187.71,104.7 L185.15,104.4 L183.2,105.16 L180.95,103.87 L181.32,102.55 L185.16,103.13 L188.32,103.47 L189.81,102.56 L187.88,100.77 L187.9,99.2 L185.26,98.56 L186.19,97.43 L188.73,97.62 L192.34,98.27 Z
      path panel/0/layer1/shape/JAM fill=#E8E427 stroke=#FFFFFF w=0.5 M167.95,103.27 L170.76,103.63 L172.98,104.62 L173.67,105.74 L170.73,105.82 L169.45,106.51 L167.11,105.86 L164.73,104.36 L165.24,103.42 L167,103.13 L167.95,103.27 Z
      path panel/0/layer1/shape/MEX fill=#482978 stroke=#FFFFFF w=0.5 M123.22,103.6 L122.42,103.66 L120.83,106.19 L120.09,105.71 L119.58,105.91 L119.59,106.52 L115.74,106.53 L111.86,106.61 L111.75,108.95 L109.87,109 L111.35,110.36 L112.84,111.29 L113.27,112.19 L113.93,112.43 L113.76,113.85 L108.41,113.97 L106.24,117.43 L106.8,118.2 L106.27,119.19 L106.12,120.41 L101.6,116.02 L99.52,114.71 L96.18,113.7 L93.85,114.06 L90.42,115.74 L88.31,116.21 L85.45,115.19 L82.4,114.48 L78.67,112.66 L75.63,112.16 L71.13,110.34 L67.87,108.43 L66.94,107.33 L64.68,107.15 L60.64,105.94 L59.14,104.05 L55.04,101.78 L53.32,99.15 L52.6,97.11 L53.99,96.66 L53.72,95.46 L54.77,94.33 L54.97,92.86 L53.86,91 L53.72,89.32 L52.67,87.22 L49.79,83.09 L46.35,79.87 L44.89,77.26 L41.85,75.59 L41.32,74.57 L42.38,71.95 L40.6,70.99 L38.73,68.96 L38.37,66.03 L36.4,65.7 L34.67,63.5 L33.35,61.45 L33.48,60.13 L32.21,56.95 L31.67,53.73 L32.13,52.11 L29.9,50.43 L28.63,50.61 L26.85,49.44 L25.81,51.15 L25.89,53.18 L25.44,56.37 L26.29,58.11 L28.36,61.03 L28.75,62.02 L29.25,62.32 L29.42,63.78 L30.1,63.71 L30.26,66.45 L31.18,67.52 L31.68,69.01 L33.64,71.14 L34.16,75.08 L34.96,76.93 L35.68,78.91 L35.51,81.15 L37.36,81.25 L38.61,83.15 L39.72,85.02 L39.51,85.79 L37.62,87.4 L36.93,87.4 L36.3,84.83 L34.15,82.45 L31.71,80.44 L29.93,79.4 L30.63,76.26 L30.49,73.96 L28.93,72.66 L26.7,70.8 L26.08,71.35 L25.36,70.25 L23.25,69.25 L21.58,66.78 L21.92,66.46 L23.41,66.68 L25.16,65.07 L25.73,63.15 L23.58,60.13 L21.69,58.95 L20.99,56.3 L20.36,53.5 L19.59,50.09 L19.21,46.26 L23.39,45.97 L28.1,45.56 L27.54,46.38 L32.48,48.46 L40.14,51.43 L47.53,51.41 L50.49,51.41 L50.88,49.71 L57.34,49.72 L58.4,51.18 L60.05,52.48 L61.94,54.29 L62.78,56.44 L63.31,58.7 L65.07,59.94 L68.04,61.16 L71.01,57.89 L74.16,57.8 L76.61,59.42 L78.11,62.21 L79.1,64.61 L81.07,66.93 L81.54,69.8 L82.39,71.73 L85.31,72.97 L88.02,73.84 L89.58,73.7 L87.62,77.34 L86.6,80.32 L85.72,85.88 L85.13,87.91 L85.61,90.17 L86.68,92.17 L87.2,95.39 L89.66,98.44 L90.43,100.8 L91.88,102.82 L96.17,103.83 L97.76,105.54 L101.46,104.3 L104.63,103.81 L107.77,103 L110.42,102.24 L113.14,100.51 L114.26,98.08 L114.8,94.6 L115.58,93.38 L118.42,92.27 L122.82,91.26 L126.44,91.36 L128.95,90.99 L129.9,91.85 L129.67,93.83 L127.34,96.3 L126.24,98.82 L126.97,99.53 L126.28,101.32 L125.1,104.56 L124.09,103.51 L123.22,103.6 Z
      path panel/0/layer1/shape/NIC fill=#FDE725 stroke=#FFFFFF w=0.5 M141.91,134.79 L140.88,135.69 L139.63,135.43 L138.94,134.58 L137.6,134.25 L136.62,134.81 L133.84,133.75 L133.19,134.3 L131.74,133 L129.79,131.35 L128.89,129.95 L127.14,128.67 L125.07,126.82 L125.55,126.16 L126.23,126.78 L126.56,126.48 L127.88,126.28 L128.43,125.32 L129.05,125.27 L129.01,123.22 L130,123.1 L130.88,123.12 L131.82,121.99 L133.04,122.82 L133.49,122.29 L134.28,121.79 L135.77,120.62 L135.86,119.76 L136.27,119.79 L136.83,118.79 L137.28,118.66 L137.98,119.29 L138.82,119.46 L139.76,118.92 L140.83,118.91 L142.3,118.35 L142.9,117.78 L144.34,117.85 L143.97,118.25 L143.74,119.18 L144.14,120.69 L143.14,122.12 L142.66,123.8 L142.49,125.64 L142.7,126.71 L142.78,128.59 L142.12,129.01 L141.7,130.8 L141.97,131.9 L141.09,132.98 L141.27,134.11 L141.91,134.79 Z
      path panel/0/layer1/shape/PAN fill=#C9E029 stroke=#FFFFFF w=0.5 M168.72,144.06 L168.2,144.68 L169.19,147.14 L168.38,148.39 L167,148.1 L166.45,150.14 L165.03,148.93 L164.11,146.67 L165.17,145.55 L164.09,145.26 L163.3,143.88 L161.17,142.73 L159.3,143.01 L158.43,144.47 L156.7,145.54 L155.77,145.7 L155.35,146.57 L157.38,148.83 L156.21,149.38 L155.59,150.01 L153.6,150.24 L152.87,147.74 L152.31,148.46 L150.9,148.23 L150.05,146.55 L148.3,146.29 L147.19,145.81 L145.36,145.84 L145.22,146.76 L144.74,146.13 L144.97,145.29 L145.33,144.44 L145.17,143.68 L145.81,143.17 L144.93,142.56 L144.92,140.87 L146.57,140.48 L148.09,141.96 L148,142.85 L149.7,143.02 L150.1,142.67 L151.27,143.69 L153.37,143.37 L155.19,142.29 L157.79,141.43 L159.25,140.16 L161.61,140.4 L161.45,140.81 L163.82,140.94 L165.72,141.65 L167.11,142.91 L168.72,144.06 Z
      path panel/0/layer1/shape/PER fill=#1F9C89 stroke=#FFFFFF w=0.5 M201.53,227.43 L204.96,234.37 L204.03,235.79 L203.75,238.78 L203.56,242.41 L201.9,244.5 L202.59,246.09 L201.61,247.5 L203.25,251.13 L200.55,255.65 L199.39,257.81 L197.28,258.84 L193.28,256.32 L192.97,254.57 L184.96,250.19 L177.64,245.5 L174.47,242.87 L172.76,239.36 L173.44,238.13 L169.91,232.55 L165.75,224.72 L161.71,216.28 L159.97,214.36 L158.62,211.24 L155.3,208.51 L152.27,206.83 L153.62,204.91 L151.52,200.89 L152.81,197.89 L156.18,195.16 L156.7,196.92 L155.49,197.95 L155.62,199.5 L157.37,199.14 L159.09,199.58 L160.89,201.71 L163.28,199.94 L164.07,197.07 L166.67,193.35 L171.79,191.66 L176.44,187.22 L177.78,184.46 L177.18,181.24 L178.32,180.85 L181.16,182.86 L182.52,184.87 L184.5,185.97 L187,190.44 L190.17,191 L192.53,189.9 L194.06,190.65 L196.62,190.32 L199.87,192.36 L197.09,196.64 L198.36,196.76 L200.46,199.06 L196.63,198.8 L196.06,199.43 L192.57,200.2 L187.69,203.04 L187.37,205.02 L186.28,206.49 L186.69,208.8 L184.13,210 L184.12,211.8 L183,212.57 L184.74,216.41 L187.05,219.02 L186.15,220.84 L188.93,221.12 L190.49,223.41 L194.19,223.57 L197.67,221.12 L197.27,227.58 L199.16,228.11 L201.53,227.43 Z
      path panel/0/layer1/shape/PRI fill=#E6E6E6 stroke=#FFFFFF w=0.5 M215.06,103.39 L217.2,103.78 L217.98,104.61 L216.95,105.64 L213.81,105.57 L211.38,105.69 L211.08,103.92 L211.65,103.33 L215.06,103.39 Z
      path panel/0/layer1/shape/PRY fill=#E6E6E6 stroke=#FFFFFF w=0.5 M256.5,293.92 L255.35,297.61 L251.48,300.53 L248.43,300.93 L244.31,299.9 L240.67,298.43 L245.18,292.29 L244.85,290.36 L241.11,288.38 L236.73,284.89 L233.63,284.02 L227.07,276.64 L229.01,271.63 L229.28,269.34 L231.47,265.7 L238.51,264.89 L242.19,265.2 L245.69,267.65 L245.63,268.97 L246.56,271.44 L245.7,277.22 L249.72,278.37 L251.41,277.67 L253.89,279.05 L254.47,280.4 L254.34,284.35 L254.58,286.03 L255.98,286.35 L257.51,285.8 L258.78,286.71 L258.46,289.06 L257.59,291.53 L256.5,293.92 Z
      path panel/0/layer1/shape/SLV fill=#F3E626 stroke=#FFFFFF w=0.5 M114.94,123.57 L115.09,122.96 L116.57,121.87 L117.37,121.39 L117.16,120.9 L118.16,120.63 L119.38,120.95 L120.26,121.77 L121.51,122.41 L121.65,122.97 L123.51,122.44 L124.37,122.72 L124.93,123.16 L124.59,124.84 L124.1,125.84 L121.66,125.82 L120.15,125.45 L118.43,124.66 L116.1,124.45 L114.94,123.57 Z
      path panel/0/layer1/shape/SUR fill=#DEE328 stroke=#FFFFFF w=0.5 M265.95,173.21 L263.55,172.17 L261.55,172.51 L259.86,172.04 L259.43,173.27 L260.13,174.15 L259.74,175.01 L257.45,174.55 L254.89,170.7 L254.35,168.26 L252.99,168.19 L251.12,165.01 L251.9,162.84 L251.67,161.83 L254.23,160.82 L254.88,157.01 L259.94,158.08 L260.39,157.33 L263.79,157.17 L268.33,158.54 L266.16,162.12 L266.51,165.07 L268.14,167.69 L267.41,169.49 L267.03,171.43 L265.95,173.21 Z
      path panel/0/layer1/shape/TTO fill=#E8E427 stroke=#FFFFFF w=0.5 M235.37,136.08 L237.78,135.6 L238.68,135.77 L238.58,138.91 L235.06,139.27 L234.29,138.87 L235.49,137.75 L235.37,136.08 Z
      path panel/0/layer1/shape/URY fill=#8BD446 stroke=#FFFFFF w=0.5 M237.48,327.1 L238.16,324.41 L239.07,323.55 L239.65,319.36 L241.25,315.12 L242.64,311.83 L245.08,311.6 L248.24,315.23 L249.6,315.24 L252.87,318.34 L255.27,320.99 L256.8,324.1 L254.86,325.91 L255.38,328.4 L253.36,330.86 L248.99,332.73 L246.57,331.6 L244.6,331.85 L241.67,329.72 L239.27,329.62 L237.48,327.1 Z
      path panel/0/layer1/shape/VEN fill=#9FD939 stroke=#FFFFFF w=0.5 M239.71,159.73 L240.28,160.95 L238.73,162.52 L233.98,163.95 L230.92,164.51 L229.69,165.48 L226.3,164.32 L223.15,163.69 L222.35,164.06 L224.26,165.21 L224.08,168.05 L224.66,170.74 L228.27,171.21 L228.5,172.11 L225.45,173.23 L224.94,175.02 L223.19,175.66 L220.01,176.57 L219.18,177.85 L215.86,178.04 L213.52,175.73 L212.24,171.48 L211.11,169.97 L209.56,169.01 L211.73,166.94 L211.58,165.99 L210.37,164.71 L209.51,161.89 L209.84,158.86 L210.79,157.46 L211.55,155.2 L210.03,154.45 L207.6,154.89 L204.52,154.62 L202.79,155.04 L199.77,151.38 L197.29,150.82 L191.79,151.17 L190.76,149.69 L189.71,149.34 L189.56,148.46 L190.06,146.91 L189.72,145.22 L188.77,144.29 L188.22,142.36 L186.01,142.06 L187.19,139.62 L187.69,136.64 L188.92,135.09 L190.57,133.91 L191.63,131.82 L194.36,131.15 L194.24,132.13 L191.75,132.6 L193.15,134.5 L193.12,136.69 L191.25,139.11 L192.88,142.44 L194.72,142.19 L195.66,139.17 L194.33,137.68 L194.09,134.51 L199.37,132.86 L198.76,130.89 L200.24,129.59 L201.8,132.54 L204.78,132.64 L207.57,135.01 L207.75,136.4 L211.57,136.49 L216.1,136.13 L218.56,138.06 L221.82,138.64 L224.18,137.38 L224.21,136.32 L229.45,136.18 L234.52,136.25 L230.95,137.4 L232.44,139.43 L235.83,139.83 L239.09,141.99 L239.82,145.4 L242.03,145.37 L243.7,146.42 L240.38,148.81 L240.03,150.34 L241.5,151.96 L240.46,152.72 L237.86,153.32 L237.96,155.28 L236.82,156.41 L239.71,159.73 Z
    path panel/0/layer2/point/Barbados fill=#E8E427 stroke=#1A1A1A w=0.75 O244.09,126.09,3.5
    path panel/0/layer2/point/Grenada fill=#F3E626 stroke=#1A1A1A w=0.75 O235.22,130.36,3.5
    path panel/0/layer2/point/Saint_Lucia fill=#F3E626 stroke=#1A1A1A w=0.75 O237.93,122.92,3.5
    path panel/0/layer2/point/Antigua_and_Barbuda fill=#DEE328 stroke=#1A1A1A w=0.75 O233.96,109.52,3.5
    path panel/0/layer2/point/Dominica fill=#E8E427 stroke=#1A1A1A w=0.75 O236.06,116.6,3.5
    text panel/0/point-label/Barbados "Barbados" @251.09,120.98 start/top Noto Sans 7.5pt #1A1A1A box=35x10.21
    text panel/0/point-label/Grenada "Grenada" @198.22,125.25 start/top Noto Sans 7.5pt #1A1A1A box=30x10.21
    path panel/0/leader/Saint_Lucia stroke=#555555 w=0.4 M241.11,119.73 L244.22,116.62
    text panel/0/point-label/Saint_Lucia "Saint Lucia" @244.93,105.7 start/top Noto Sans 7.5pt #1A1A1A box=39x10.21
    text panel/0/point-label/Antigua_and_Barbuda "Antigua and Barbuda" @148.96,104.42 start/top Noto Sans 7.5pt #1A1A1A box=78x10.21
    path panel/0/leader/Dominica stroke=#555555 w=0.4 M236.06,112.1 L236.06,100.39
    text panel/0/point-label/Dominica "Dominica" @219.06,89.18 start/top Noto Sans 7.5pt #1A1A1A box=34x10.21
  group legend
    text legend/title "Ties" @370,43.56 start/top Noto Sans Bold 7.5pt #1A1A1A box=14x10.21
    path legend/gradient/0 fill=#F6E626 R[370 170.59 10 2.59]
    path legend/gradient/1 fill=#E9E427 R[370 168.3 10 2.59]
    path legend/gradient/2 fill=#DBE328 R[370 166.01 10 2.59]
    path legend/gradient/3 fill=#CEE129 R[370 163.71 10 2.59]
    path legend/gradient/4 fill=#C0DF2A R[370 161.42 10 2.59]
    path legend/gradient/5 fill=#B3DE2C R[370 159.13 10 2.59]
    path legend/gradient/6 fill=#A5DB35 R[370 156.84 10 2.59]
    path legend/gradient/7 fill=#98D83D R[370 154.55 10 2.59]
    path legend/gradient/8 fill=#8BD546 R[370 152.26 10 2.59]
    path legend/gradient/9 fill=#7ED24E R[370 149.96 10 2.59]
    path legend/gradient/10 fill=#70CF57 R[370 147.67 10 2.59]
    path legend/gradient/11 fill=#65CA5D R[370 145.38 10 2.59]
    path legend/gradient/12 fill=#5AC663 R[370 143.09 10 2.59]
    path legend/gradient/13 fill=#50C26A R[370 140.8 10 2.59]
    path legend/gradient/14 fill=#45BD70 R[370 138.51 10 2.59]
    path legend/gradient/15 fill=#3AB976 R[370 136.21 10 2.59]
    path legend/gradient/16 fill=#33B57A R[370 133.92 10 2.59]
    path legend/gradient/17 fill=#2FB07E R[370 131.63 10 2.59]
    path legend/gradient/18 fill=#2BAB81 R[370 129.34 10 2.59]
    path legend/gradient/19 fill=#27A784 R[370 127.05 10 2.59]
    path legend/gradient/20 fill=#22A287 R[370 124.76 10 2.59]
    path legend/gradient/21 fill=#1F9D89 R[370 122.46 10 2.59]
    path legend/gradient/22 fill=#21988A R[370 120.17 10 2.59]
    path legend/gradient/23 fill=#22938B R[370 117.88 10 2.59]
    path legend/gradient/24 fill=#238D8C R[370 115.59 10 2.59]
    path legend/gradient/25 fill=#24888D R[370 113.3 10 2.59]
    path legend/gradient/26 fill=#26838E R[370 111.01 10 2.59]
    path legend/gradient/27 fill=#287E8E R[370 108.71 10 2.59]
    path legend/gradient/28 fill=#2A798E R[370 106.42 10 2.59]
    path legend/gradient/29 fill=#2C748E R[370 104.13 10 2.59]
    path legend/gradient/30 fill=#2E6F8E R[370 101.84 10 2.59]
    path legend/gradient/31 fill=#306A8E R[370 99.55 10 2.59]
    path legend/gradient/32 fill=#32658E R[370 97.26 10 2.59]
    path legend/gradient/33 fill=#355F8D R[370 94.96 10 2.59]
    path legend/gradient/34 fill=#37598C R[370 92.67 10 2.59]
    path legend/gradient/35 fill=#3A548B R[370 90.38 10 2.59]
    path legend/gradient/36 fill=#3C4E8A R[370 88.09 10 2.59]
    path legend/gradient/37 fill=#3E4888 R[370 85.8 10 2.59]
    path legend/gradient/38 fill=#404285 R[370 83.51 10 2.59]
    path legend/gradient/39 fill=#423C82 R[370 81.21 10 2.59]
    path legend/gradient/40 fill=#44357F R[370 78.92 10 2.59]
    path legend/gradient/41 fill=#462F7C R[370 76.63 10 2.59]
    path legend/gradient/42 fill=#482979 R[370 74.34 10 2.59]
    path legend/gradient/43 fill=#472272 R[370 72.05 10 2.59]
    path legend/gradient/44 fill=#471B6C R[370 69.76 10 2.59]
    path legend/gradient/45 fill=#461365 R[370 67.46 10 2.59]
    path legend/gradient/46 fill=#450C5E R[370 65.17 10 2.59]
    path legend/gradient/47 fill=#440557 R[370 62.88 10 2.29]
    path legend/tick/0 stroke=#FFFFFF w=0.6 M378,172.88 L380,172.88
    text legend/label/0 "0" @384,172.88 start/middle Noto Sans 7.5pt #1A1A1A box=4x10.21
    path legend/tick/1 stroke=#FFFFFF w=0.6 M378,137.4 L380,137.4
    text legend/label/20 "20" @384,137.4 start/middle Noto Sans 7.5pt #1A1A1A box=8x10.21
    path legend/tick/2 stroke=#FFFFFF w=0.6 M378,101.91 L380,101.91
    text legend/label/40 "40" @384,101.91 start/middle Noto Sans 7.5pt #1A1A1A box=8x10.21
    path legend/tick/3 stroke=#FFFFFF w=0.6 M378,66.43 L380,66.43
    text legend/label/60 "60" @384,66.43 start/middle Noto Sans 7.5pt #1A1A1A box=8x10.21
    path legend/swatch/no-data fill=#E6E6E6 R[370 186.6 9 9]
    text legend/label/no-data "No data" @383,191.1 start/middle Noto Sans 7.5pt #1A1A1A box=29x10.21

"""##,
        "7-facets": ##"""
scene 520x340 "New cases per year, by channel"
  text title "New cases per year, by channel" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=172x14.98
  text subtitle "Same scales in every panel" @8,23.98 start/top Noto Sans 8.5pt #555555 box=106x11.58
  group panel/0
    text panel/0/strip "Party channels" @32.21,55.45 start/bottom Noto Sans Bold 8.0pt #1A1A1A box=59x10.9
    path panel/0/grid stroke=#E3E3E3 w=0.5 M32.21,168.56 L184.14,168.56 M32.21,146.34 L184.14,146.34 M32.21,124.12 L184.14,124.12 M32.21,101.9 L184.14,101.9 M32.21,79.68 L184.14,79.68 M32.21,57.45 L184.14,57.45
    group panel/0/marks clip=[32.21 57.45 151.93 111.11]
      path panel/0/layer1/bar/2012 fill=#0072B2 R[34.32 101.9 12.66 66.67]
      path panel/0/layer1/bar/2013 fill=#0072B2 R[51.21 168.56 12.66 0]
      path panel/0/layer1/bar/2014 fill=#0072B2 R[68.09 101.9 12.66 66.67]
      path panel/0/layer1/bar/2015 fill=#0072B2 R[84.97 168.56 12.66 0]
      path panel/0/layer1/bar/2016 fill=#0072B2 R[101.85 101.9 12.66 66.67]
      path panel/0/layer1/bar/2017 fill=#0072B2 R[118.73 168.56 12.66 0]
      path panel/0/layer1/bar/2018 fill=#0072B2 R[135.61 101.9 12.66 66.67]
      path panel/0/layer1/bar/2019 fill=#0072B2 R[152.49 168.56 12.66 0]
      path panel/0/layer1/bar/2020 fill=#0072B2 R[169.37 101.9 12.66 66.67]
    path panel/0/baseline-y stroke=#777777 w=0.75 M32.21,168.56 L184.14,168.56
    text panel/0/axis-y/label/0 "0" @27.21,168.56 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/0/axis-y/label/1 "1" @27.21,146.34 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/0/axis-y/label/2 "2" @27.21,124.12 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/0/axis-y/label/3 "3" @27.21,101.9 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/0/axis-y/label/4 "4" @27.21,79.68 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/0/axis-y/label/5 "5" @27.21,57.45 end/middle Noto Sans 7.5pt #555555 box=4x10.21
  group panel/1
    text panel/1/strip "Trade missions" @196.14,55.45 start/bottom Noto Sans Bold 8.0pt #1A1A1A box=58x10.9
    path panel/1/grid stroke=#E3E3E3 w=0.5 M196.14,168.56 L348.07,168.56 M196.14,146.34 L348.07,146.34 M196.14,124.12 L348.07,124.12 M196.14,101.9 L348.07,101.9 M196.14,79.68 L348.07,79.68 M196.14,57.45 L348.07,57.45
    group panel/1/marks clip=[196.14 57.45 151.93 111.11]
      path panel/1/layer1/bar/2012 fill=#0072B2 R[198.25 124.12 12.66 44.44]
      path panel/1/layer1/bar/2013 fill=#0072B2 R[215.13 57.45 12.66 111.11]
      path panel/1/layer1/bar/2014 fill=#0072B2 R[232.02 124.12 12.66 44.44]
      path panel/1/layer1/bar/2015 fill=#0072B2 R[248.9 57.45 12.66 111.11]
      path panel/1/layer1/bar/2016 fill=#0072B2 R[265.78 124.12 12.66 44.44]
      path panel/1/layer1/bar/2017 fill=#0072B2 R[282.66 57.45 12.66 111.11]
      path panel/1/layer1/bar/2018 fill=#0072B2 R[299.54 124.12 12.66 44.44]
      path panel/1/layer1/bar/2019 fill=#0072B2 R[316.42 57.45 12.66 111.11]
      path panel/1/layer1/bar/2020 fill=#0072B2 R[333.3 124.12 12.66 44.44]
    path panel/1/baseline-y stroke=#777777 w=0.75 M196.14,168.56 L348.07,168.56
  group panel/2
    text panel/2/strip "Twinning" @360.07,55.45 start/bottom Noto Sans Bold 8.0pt #1A1A1A box=35x10.9
    path panel/2/grid stroke=#E3E3E3 w=0.5 M360.07,168.56 L512,168.56 M360.07,146.34 L512,146.34 M360.07,124.12 L512,124.12 M360.07,101.9 L512,101.9 M360.07,79.68 L512,79.68 M360.07,57.45 L512,57.45
    group panel/2/marks clip=[360.07 57.45 151.93 111.11]
      path panel/2/layer1/bar/2012 fill=#0072B2 R[362.18 168.56 12.66 0]
      path panel/2/layer1/bar/2013 fill=#0072B2 R[379.06 101.9 12.66 66.67]
      path panel/2/layer1/bar/2014 fill=#0072B2 R[395.94 168.56 12.66 0]
      path panel/2/layer1/bar/2015 fill=#0072B2 R[412.82 101.9 12.66 66.67]
      path panel/2/layer1/bar/2016 fill=#0072B2 R[429.71 168.56 12.66 0]
      path panel/2/layer1/bar/2017 fill=#0072B2 R[446.59 101.9 12.66 66.67]
      path panel/2/layer1/bar/2018 fill=#0072B2 R[463.47 168.56 12.66 0]
      path panel/2/layer1/bar/2019 fill=#0072B2 R[480.35 101.9 12.66 66.67]
      path panel/2/layer1/bar/2020 fill=#0072B2 R[497.23 168.56 12.66 0]
    path panel/2/baseline-y stroke=#777777 w=0.75 M360.07,168.56 L512,168.56
    text panel/2/axis-x/label/0 "2012" @368.51,173.56 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/2/axis-x/label/2 "2014" @402.27,173.56 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/2/axis-x/label/4 "2016" @436.04,173.56 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/2/axis-x/label/6 "2018" @469.8,173.56 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/2/axis-x/label/8 "2020" @503.56,173.56 middle/top Noto Sans 7.5pt #555555 box=16x10.21
  group panel/3
    text panel/3/strip "Universities" @32.21,203.67 start/bottom Noto Sans Bold 8.0pt #1A1A1A box=47x10.9
    path panel/3/grid stroke=#E3E3E3 w=0.5 M32.21,316.79 L184.14,316.79 M32.21,294.56 L184.14,294.56 M32.21,272.34 L184.14,272.34 M32.21,250.12 L184.14,250.12 M32.21,227.9 L184.14,227.9 M32.21,205.67 L184.14,205.67
    group panel/3/marks clip=[32.21 205.67 151.93 111.11]
      path panel/3/layer1/bar/2012 fill=#0072B2 R[34.32 227.9 12.66 88.89]
      path panel/3/layer1/bar/2013 fill=#0072B2 R[51.21 294.56 12.66 22.22]
      path panel/3/layer1/bar/2014 fill=#0072B2 R[68.09 227.9 12.66 88.89]
      path panel/3/layer1/bar/2015 fill=#0072B2 R[84.97 294.56 12.66 22.22]
      path panel/3/layer1/bar/2016 fill=#0072B2 R[101.85 227.9 12.66 88.89]
      path panel/3/layer1/bar/2017 fill=#0072B2 R[118.73 294.56 12.66 22.22]
      path panel/3/layer1/bar/2018 fill=#0072B2 R[135.61 227.9 12.66 88.89]
      path panel/3/layer1/bar/2019 fill=#0072B2 R[152.49 294.56 12.66 22.22]
      path panel/3/layer1/bar/2020 fill=#0072B2 R[169.37 227.9 12.66 88.89]
    path panel/3/baseline-y stroke=#777777 w=0.75 M32.21,316.79 L184.14,316.79
    text panel/3/axis-x/label/0 "2012" @40.66,321.79 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/3/axis-x/label/2 "2014" @74.42,321.79 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/3/axis-x/label/4 "2016" @108.18,321.79 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/3/axis-x/label/6 "2018" @141.94,321.79 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/3/axis-x/label/8 "2020" @175.7,321.79 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/3/axis-y/label/0 "0" @27.21,316.79 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/3/axis-y/label/1 "1" @27.21,294.56 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/3/axis-y/label/2 "2" @27.21,272.34 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/3/axis-y/label/3 "3" @27.21,250.12 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/3/axis-y/label/4 "4" @27.21,227.9 end/middle Noto Sans 7.5pt #555555 box=4x10.21
    text panel/3/axis-y/label/5 "5" @27.21,205.67 end/middle Noto Sans 7.5pt #555555 box=4x10.21
  group panel/4
    text panel/4/strip "Visits" @196.14,203.67 start/bottom Noto Sans Bold 8.0pt #1A1A1A box=20x10.9
    path panel/4/grid stroke=#E3E3E3 w=0.5 M196.14,316.79 L348.07,316.79 M196.14,294.56 L348.07,294.56 M196.14,272.34 L348.07,272.34 M196.14,250.12 L348.07,250.12 M196.14,227.9 L348.07,227.9 M196.14,205.67 L348.07,205.67
    group panel/4/marks clip=[196.14 205.67 151.93 111.11]
      path panel/4/layer1/bar/2012 fill=#0072B2 R[198.25 294.56 12.66 22.22]
      path panel/4/layer1/bar/2013 fill=#0072B2 R[215.13 227.9 12.66 88.89]
      path panel/4/layer1/bar/2014 fill=#0072B2 R[232.02 294.56 12.66 22.22]
      path panel/4/layer1/bar/2015 fill=#0072B2 R[248.9 227.9 12.66 88.89]
      path panel/4/layer1/bar/2016 fill=#0072B2 R[265.78 294.56 12.66 22.22]
      path panel/4/layer1/bar/2017 fill=#0072B2 R[282.66 227.9 12.66 88.89]
      path panel/4/layer1/bar/2018 fill=#0072B2 R[299.54 294.56 12.66 22.22]
      path panel/4/layer1/bar/2019 fill=#0072B2 R[316.42 227.9 12.66 88.89]
      path panel/4/layer1/bar/2020 fill=#0072B2 R[333.3 294.56 12.66 22.22]
    path panel/4/baseline-y stroke=#777777 w=0.75 M196.14,316.79 L348.07,316.79
    text panel/4/axis-x/label/0 "2012" @204.58,321.79 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/4/axis-x/label/2 "2014" @238.35,321.79 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/4/axis-x/label/4 "2016" @272.11,321.79 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/4/axis-x/label/6 "2018" @305.87,321.79 middle/top Noto Sans 7.5pt #555555 box=16x10.21
    text panel/4/axis-x/label/8 "2020" @339.63,321.79 middle/top Noto Sans 7.5pt #555555 box=16x10.21
  text axis-y/title "Cases" @8,187.12 middle/top rot=-90 Noto Sans Bold 7.5pt #1A1A1A box=22x10.21

"""##,
    ]
}
