/// Reviewed scene dumps of the examples (see `SceneGoldenTests`). Generated from
/// /tmp/dossier-charts/<name>.dump.txt after looking at the PNGs.
enum SceneGoldens {
    static let all: [String: String] = [
        "0-bar": ##"""
scene 421.38x259.84 "Documented cases by city"
  text title "Documented cases by city" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=141.96x14.98
  text subtitle "Local-level engagements, 2000–2020" @8,23.98 start/top Noto Sans 8.5pt #555555 box=146.54x11.58
  text source "Source: Dossier case list" @8,242.99 start/top Noto Sans 6.5pt #555555 box=72.96x8.85
  group panel/0
    path panel/0/grid stroke=#E3E3E3 w=0.5 M47.38,205.56 L413.38,205.56 M47.38,143.25 L413.38,143.25 M47.38,80.94 L413.38,80.94
    group panel/0/marks clip=[47.38 43.56 366 162]
      path panel/0/layer1/bar/São_Paulo fill=#0072B2 R[116.01 199.58 45.75 5.98]
      path panel/0/layer1/bar/Panamá fill=#0072B2 R[299.01 204.06 45.75 1.5]
      path panel/0/layer1/bar/Querétaro fill=#0072B2 R[360.01 204.69 45.75 0.87]
      path panel/0/layer1/bar/Córdoba fill=#0072B2 R[177.01 203.07 45.75 2.49]
      path panel/0/layer1/bar/Bogotá fill=#0072B2 R[238.01 203.69 45.75 1.87]
      path panel/0/layer1/bar/Valparaíso fill=#0072B2 R[55.01 51.78 45.75 153.78]
    path panel/0/baseline-y stroke=#777777 w=0.75 M47.38,205.56 L413.38,205.56
    text panel/0/axis-x/label/0 "Valparaíso" @77.88,210.56 middle/top Noto Sans 7.5pt #555555 box=36.53x10.21
    text panel/0/axis-x/label/1 "São Paulo" @138.88,210.56 middle/top Noto Sans 7.5pt #555555 box=34.66x10.21
    text panel/0/axis-x/label/2 "Córdoba" @199.88,210.56 middle/top Noto Sans 7.5pt #555555 box=30.19x10.21
    text panel/0/axis-x/label/3 "Bogotá" @260.88,210.56 middle/top Noto Sans 7.5pt #555555 box=25.48x10.21
    text panel/0/axis-x/label/4 "Panamá" @321.88,210.56 middle/top Noto Sans 7.5pt #555555 box=28.81x10.21
    text panel/0/axis-x/label/5 "Querétaro" @382.88,210.56 middle/top Noto Sans 7.5pt #555555 box=36.3x10.21
    text panel/0/axis-y/label/0 "0" @42.38,205.56 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/0/axis-y/label/1 "500" @42.38,143.25 end/middle Noto Sans 7.5pt #555555 box=12.87x10.21
    text panel/0/axis-y/label/2 "1,000" @42.38,80.94 end/middle Noto Sans 7.5pt #555555 box=19.17x10.21
  text axis-x/title "City" @230.38,234.99 middle/bottom Noto Sans Bold 7.5pt #1A1A1A box=14.59x10.21
  text axis-y/title "Cases" @8,124.56 middle/top rot=-90 Noto Sans Bold 7.5pt #1A1A1A box=21.2x10.21

"""##,
        "1-scatter": ##"""
scene 482.82x359.69 "More regional authority, more ties with Chinese localities"
  text title "More regional authority, more ties with Chinese localities" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=315.17x14.98
  text subtitle "Twinning ties per 10 million people (log scale) against the Regional Authority Index, 2018" @8,23.98 start/top Noto Sans 8.5pt #555555 box=353.58x11.58
  text caption "Line and band: Poisson fit with log-population offset and its 95% interval." @8,333.99 start/top Noto Sans 6.5pt #555555 box=222.41x8.85
  text source "Source: Hooghe et al., Regional Authority Index; Wikipedia twinning lists" @8,342.84 start/top Noto Sans 6.5pt #555555 box=219.71x8.85
  group panel/0
    path panel/0/grid stroke=#E3E3E3 w=0.5 M41.08,43.56 L41.08,296.56 M113.78,43.56 L113.78,296.56 M186.47,43.56 L186.47,296.56 M259.16,43.56 L259.16,296.56 M331.85,43.56 L331.85,296.56 M404.55,43.56 L404.55,296.56 M41.08,296.56 L419.08,296.56 M41.08,212.23 L419.08,212.23 M41.08,127.89 L419.08,127.89 M41.08,43.56 L419.08,43.56
    group panel/0/marks clip=[41.08 43.56 378 253]
      path panel/0/layer1/area fill=#9999994D M41.08,248.88 L55.62,244.49 L70.16,240.09 L84.7,235.7 L99.24,231.3 L113.78,226.91 L128.32,222.51 L142.85,218.12 L157.39,213.72 L171.93,209.33 L186.47,204.93 L201.01,200.54 L215.55,196.14 L230.08,193.21 L244.62,190.28 L259.16,187.35 L273.7,184.42 L288.24,181.49 L302.78,178.56 L317.32,175.63 L331.85,172.7 L346.39,169.77 L360.93,166.84 L375.47,163.91 L390.01,160.98 L404.55,158.05 L419.08,155.12 L419.08,116.3 L404.55,120.69 L390.01,125.09 L375.47,129.48 L360.93,133.88 L346.39,138.27 L331.85,142.67 L317.32,147.06 L302.78,151.46 L288.24,155.85 L273.7,160.25 L259.16,164.64 L244.62,169.04 L230.08,173.43 L215.55,177.83 L201.01,180.76 L186.47,183.69 L171.93,186.62 L157.39,189.55 L142.85,192.48 L128.32,195.41 L113.78,198.34 L99.24,201.27 L84.7,204.2 L70.16,207.13 L55.62,210.06 L41.08,212.99 Z
      path panel/0/layer2/line stroke=#555555 w=1.5 M41.08,230.93 L55.62,227.27 L70.16,223.61 L84.7,219.95 L99.24,216.28 L113.78,212.62 L128.32,208.96 L142.85,205.3 L157.39,201.63 L171.93,197.97 L186.47,194.31 L201.01,190.65 L215.55,186.98 L230.08,183.32 L244.62,179.66 L259.16,176 L273.7,172.33 L288.24,168.67 L302.78,165.01 L317.32,161.35 L331.85,157.68 L346.39,154.02 L360.93,150.36 L375.47,146.7 L390.01,143.03 L404.55,139.37 L419.08,135.71
    path panel/0/layer3/point/Argentina fill=#0072B2 stroke=#FFFFFF w=0.6 O397.28,128.63,3.5
    path panel/0/layer3/point/Brasil fill=#0072B2 stroke=#FFFFFF w=0.6 O360.93,146,3.5
    path panel/0/layer3/point/México fill=#0072B2 stroke=#FFFFFF w=0.6 O404.55,169.62,3.5
    path panel/0/layer3/point/Colombia fill=#0072B2 stroke=#FFFFFF w=0.6 O266.43,180.16,3.5
    path panel/0/layer3/point/Perú fill=#0072B2 stroke=#FFFFFF w=0.6 O186.47,171.99,3.5
    path panel/0/layer3/point/Chile fill=#0072B2 stroke=#FFFFFF w=0.6 O171.93,143.67,3.5
    path panel/0/layer3/point/Ecuador fill=#0072B2 stroke=#FFFFFF w=0.6 O215.55,173.23,3.5
    path panel/0/layer3/point/Bolivia fill=#0072B2 stroke=#FFFFFF w=0.6 O222.82,192.79,3.5
    path panel/0/layer3/point/Venezuela fill=#0072B2 stroke=#FFFFFF w=0.6 O244.62,208.73,3.5
    path panel/0/layer3/point/Uruguay fill=#0072B2 stroke=#FFFFFF w=0.6 O157.39,133.42,3.5
    path panel/0/layer3/point/Paraguay fill=#E69F00 stroke=#FFFFFF w=0.6 O128.32,256.32,3.5
    path panel/0/layer3/point/Panamá fill=#0072B2 stroke=#FFFFFF w=0.6 O99.24,181.72,3.5
    path panel/0/layer3/point/Costa_Rica fill=#0072B2 stroke=#FFFFFF w=0.6 O84.7,188.72,3.5
    path panel/0/layer3/point/Cuba fill=#0072B2 stroke=#FFFFFF w=0.6 O113.78,166.34,3.5
    path panel/0/layer3/point/República_Dominicana fill=#0072B2 stroke=#FFFFFF w=0.6 O70.16,216.08,3.5
    path panel/0/layer3/point/Guatemala fill=#E69F00 stroke=#FFFFFF w=0.6 O91.97,271.17,3.5
    path panel/0/layer3/point/Honduras fill=#E69F00 stroke=#FFFFFF w=0.6 O77.43,281.71,3.5
    path panel/0/layer3/point/El_Salvador fill=#0072B2 stroke=#FFFFFF w=0.6 O70.16,230.93,3.5
    path panel/0/layer3/point/Nicaragua fill=#0072B2 stroke=#FFFFFF w=0.6 O135.58,237.61,3.5
    path panel/0/layer3/point/Jamaica fill=#0072B2 stroke=#FFFFFF w=0.6 O55.62,168.5,3.5
    path panel/0/axis-x/line stroke=#777777 w=0.5 M41.08,296.56 L419.08,296.56
    text panel/0/axis-x/label/0 "0" @41.08,301.56 middle/top Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/0/axis-x/label/1 "5" @113.78,301.56 middle/top Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/0/axis-x/label/2 "10" @186.47,301.56 middle/top Noto Sans 7.5pt #555555 box=8.58x10.21
    text panel/0/axis-x/label/3 "15" @259.16,301.56 middle/top Noto Sans 7.5pt #555555 box=8.58x10.21
    text panel/0/axis-x/label/4 "20" @331.85,301.56 middle/top Noto Sans 7.5pt #555555 box=8.58x10.21
    text panel/0/axis-x/label/5 "25" @404.55,301.56 middle/top Noto Sans 7.5pt #555555 box=8.58x10.21
    path panel/0/axis-x/ticks stroke=#777777 w=0.5 M41.08,296.56 L41.08,299.56 M113.78,296.56 L113.78,299.56 M186.47,296.56 L186.47,299.56 M259.16,296.56 L259.16,299.56 M331.85,296.56 L331.85,299.56 M404.55,296.56 L404.55,299.56
    text panel/0/axis-y/label/0 "0.1" @36.08,296.56 end/middle Noto Sans 7.5pt #555555 box=10.59x10.21
    text panel/0/axis-y/label/1 "1" @36.08,212.23 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/0/axis-y/label/2 "10" @36.08,127.89 end/middle Noto Sans 7.5pt #555555 box=8.58x10.21
    text panel/0/axis-y/label/3 "100" @36.08,43.56 end/middle Noto Sans 7.5pt #555555 box=12.87x10.21
    text panel/0/point-label/Argentina "Argentina" @379.89,111.42 start/top Noto Sans 7.5pt #1A1A1A box=34.78x10.21
    text panel/0/point-label/Brasil "Brasil" @351.19,128.78 start/top Noto Sans 7.5pt #1A1A1A box=19.49x10.21
    text panel/0/point-label/México "México" @372.63,164.52 start/top Noto Sans 7.5pt #1A1A1A box=24.92x10.21
    text panel/0/point-label/Colombia "Colombia" @273.43,175.05 start/top Noto Sans 7.5pt #1A1A1A box=33.52x10.21
    text panel/0/point-label/Perú "Perú" @162.97,166.88 start/top Noto Sans 7.5pt #1A1A1A box=16.5x10.21
    text panel/0/point-label/Chile "Chile" @178.93,138.56 start/top Noto Sans 7.5pt #1A1A1A box=17.47x10.21
    text panel/0/point-label/Ecuador "Ecuador" @201.12,156.01 start/top Noto Sans 7.5pt #1A1A1A box=28.86x10.21
    text panel/0/point-label/Bolivia "Bolivia" @229.82,187.68 start/top Noto Sans 7.5pt #1A1A1A box=23.23x10.21
    text panel/0/point-label/Venezuela "Venezuela" @251.62,203.63 start/top Noto Sans 7.5pt #1A1A1A box=35.9x10.21
    text panel/0/point-label/Uruguay "Uruguay" @119.9,128.31 start/top Noto Sans 7.5pt #1A1A1A box=30.49x10.21
    text panel/0/point-label/Paraguay "Paraguay" @135.32,251.21 start/top Noto Sans 7.5pt #1A1A1A box=33.18x10.21
    text panel/0/point-label/Panamá "Panamá" @106.24,176.61 start/top Noto Sans 7.5pt #1A1A1A box=28.81x10.21
    text panel/0/point-label/Costa_Rica "Costa Rica" @41.56,183.61 start/top Noto Sans 7.5pt #1A1A1A box=36.14x10.21
    text panel/0/point-label/Cuba "Cuba" @120.78,161.24 start/top Noto Sans 7.5pt #1A1A1A box=18.19x10.21
    path panel/0/leader/República_Dominicana stroke=#555555 w=0.4 M70.16,220.58 L70.16,236.88
    text panel/0/point-label/República_Dominicana "República Dominicana" @42.9,237.88 start/top Noto Sans 7.5pt #1A1A1A box=78.56x10.21
    text panel/0/point-label/Guatemala "Guatemala" @98.97,266.06 start/top Noto Sans 7.5pt #1A1A1A box=38.6x10.21
    path panel/0/leader/Honduras stroke=#555555 w=0.4 M77.43,277.21 L77.43,265.49
    text panel/0/point-label/Honduras "Honduras" @60.07,254.28 start/top Noto Sans 7.5pt #1A1A1A box=34.72x10.21
    text panel/0/point-label/El_Salvador "El Salvador" @77.16,225.83 start/top Noto Sans 7.5pt #1A1A1A box=38.58x10.21
    text panel/0/point-label/Nicaragua "Nicaragua" @142.59,232.51 start/top Noto Sans 7.5pt #1A1A1A box=36.05x10.21
    text panel/0/point-label/Jamaica "Jamaica" @62.62,163.39 start/top Noto Sans 7.5pt #1A1A1A box=27.22x10.21
  text axis-x/title "Regional Authority Index (2018)" @230.08,325.99 middle/bottom Noto Sans Bold 7.5pt #1A1A1A box=118.25x10.21
  text axis-y/title "Ties per 10 M people" @8,170.06 middle/top rot=-90 Noto Sans Bold 7.5pt #1A1A1A box=76.12x10.21
  group legend
    text legend/title "Recognises" @433.08,43.56 start/top Noto Sans Bold 7.5pt #1A1A1A box=41.73x10.21
    path legend/swatch/Beijing fill=#0072B2 O437.58,61.88,3.6
    text legend/label/Beijing "Beijing" @446.08,61.88 start/middle Noto Sans 7.5pt #1A1A1A box=24.16x10.21
    path legend/swatch/Taipei fill=#E69F00 O437.58,74.1,3.6
    text legend/label/Taipei "Taipei" @446.08,74.1 start/middle Noto Sans 7.5pt #1A1A1A box=20.49x10.21

"""##,
        "2-stacked": ##"""
scene 478.57x260.06 "Outcomes by channel"
  text title "Outcomes by channel" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=118.55x14.98
  text subtitle "Share of local-level cases by outcome; bars sorted by share with a concrete deal" @8,23.98 start/top Noto Sans 8.5pt #555555 box=316.25x11.58
  text source "Source: Dossier case list" @8,243.2 start/top Noto Sans 6.5pt #555555 box=72.96x8.85
  group panel/0
    path panel/0/grid stroke=#E3E3E3 w=0.5 M79.16,63.77 L79.16,205.77 M170.66,63.77 L170.66,205.77 M262.16,63.77 L262.16,205.77 M353.66,63.77 L353.66,205.77 M445.16,63.77 L445.16,205.77
    group panel/0/marks clip=[79.16 63.77 366 142]
      path panel/0/layer1/bar/Twinning/Concrete_deal fill=#0072B2 stroke=#FFFFFF w=0.5 R[79.16 90.4 126.69 17.75]
      path panel/0/layer1/bar/Twinning/Agreement_signed fill=#E69F00 stroke=#FFFFFF w=0.5 R[205.85 90.4 84.46 17.75]
      path panel/0/layer1/bar/Twinning/Exchanges_only fill=#009E73 stroke=#FFFFFF w=0.5 R[290.32 90.4 112.62 17.75]
      path panel/0/layer1/bar/Twinning/Stalled fill=#CC79A7 stroke=#FFFFFF w=0.5 R[402.93 90.4 42.23 17.75]
      path panel/0/layer1/bar/Provincial_visits/Concrete_deal fill=#0072B2 stroke=#FFFFFF w=0.5 R[79.16 114.07 107.65 17.75]
      path panel/0/layer1/bar/Provincial_visits/Agreement_signed fill=#E69F00 stroke=#FFFFFF w=0.5 R[186.81 114.07 86.12 17.75]
      path panel/0/layer1/bar/Provincial_visits/Exchanges_only fill=#009E73 stroke=#FFFFFF w=0.5 R[272.93 114.07 129.18 17.75]
      path panel/0/layer1/bar/Provincial_visits/Stalled fill=#CC79A7 stroke=#FFFFFF w=0.5 R[402.1 114.07 43.06 17.75]
      path panel/0/layer1/bar/Trade_missions/Concrete_deal fill=#0072B2 stroke=#FFFFFF w=0.5 R[79.16 66.73 213.5 17.75]
      path panel/0/layer1/bar/Trade_missions/Agreement_signed fill=#E69F00 stroke=#FFFFFF w=0.5 R[292.66 66.73 61 17.75]
      path panel/0/layer1/bar/Trade_missions/Exchanges_only fill=#009E73 stroke=#FFFFFF w=0.5 R[353.66 66.73 61 17.75]
      path panel/0/layer1/bar/Trade_missions/Stalled fill=#CC79A7 stroke=#FFFFFF w=0.5 R[414.66 66.73 30.5 17.75]
      path panel/0/layer1/bar/Party_channels/Concrete_deal fill=#0072B2 stroke=#FFFFFF w=0.5 R[79.16 185.07 33.27 17.75]
      path panel/0/layer1/bar/Party_channels/Agreement_signed fill=#E69F00 stroke=#FFFFFF w=0.5 R[112.43 185.07 66.55 17.75]
      path panel/0/layer1/bar/Party_channels/Exchanges_only fill=#009E73 stroke=#FFFFFF w=0.5 R[178.98 185.07 166.36 17.75]
      path panel/0/layer1/bar/Party_channels/Stalled fill=#CC79A7 stroke=#FFFFFF w=0.5 R[345.34 185.07 99.82 17.75]
      path panel/0/layer1/bar/Diaspora_networks/Concrete_deal fill=#0072B2 stroke=#FFFFFF w=0.5 R[79.16 137.73 104.57 17.75]
      path panel/0/layer1/bar/Diaspora_networks/Agreement_signed fill=#E69F00 stroke=#FFFFFF w=0.5 R[183.73 137.73 52.29 17.75]
      path panel/0/layer1/bar/Diaspora_networks/Exchanges_only fill=#009E73 stroke=#FFFFFF w=0.5 R[236.02 137.73 156.86 17.75]
      path panel/0/layer1/bar/Diaspora_networks/Stalled fill=#CC79A7 stroke=#FFFFFF w=0.5 R[392.88 137.73 52.29 17.75]
      path panel/0/layer1/bar/Universities/Concrete_deal fill=#0072B2 stroke=#FFFFFF w=0.5 R[79.16 161.4 36.6 17.75]
      path panel/0/layer1/bar/Universities/Agreement_signed fill=#E69F00 stroke=#FFFFFF w=0.5 R[115.76 161.4 109.8 17.75]
      path panel/0/layer1/bar/Universities/Exchanges_only fill=#009E73 stroke=#FFFFFF w=0.5 R[225.56 161.4 146.4 17.75]
      path panel/0/layer1/bar/Universities/Stalled fill=#CC79A7 stroke=#FFFFFF w=0.5 R[371.96 161.4 73.2 17.75]
    text panel/0/layer1/total/Twinning "n = 26" @449.16,99.27 start/middle Noto Sans 7.5pt #555555 box=21.41x10.21
    text panel/0/layer1/total/Provincial_visits "n = 17" @449.16,122.94 start/middle Noto Sans 7.5pt #555555 box=21.41x10.21
    text panel/0/layer1/total/Trade_missions "n = 12" @449.16,75.61 start/middle Noto Sans 7.5pt #555555 box=21.41x10.21
    text panel/0/layer1/total/Party_channels "n = 11" @449.16,193.94 start/middle Noto Sans 7.5pt #555555 box=21.41x10.21
    text panel/0/layer1/total/Diaspora_networks "n = 7" @449.16,146.61 start/middle Noto Sans 7.5pt #555555 box=17.12x10.21
    text panel/0/layer1/total/Universities "n = 10" @449.16,170.27 start/middle Noto Sans 7.5pt #555555 box=21.41x10.21
    path panel/0/baseline-x stroke=#777777 w=0.75 M79.16,63.77 L79.16,205.77
    text panel/0/axis-x/label/0 "0%" @79.16,210.77 middle/top Noto Sans 7.5pt #555555 box=10.52x10.21
    text panel/0/axis-x/label/1 "25%" @170.66,210.77 middle/top Noto Sans 7.5pt #555555 box=14.81x10.21
    text panel/0/axis-x/label/2 "50%" @262.16,210.77 middle/top Noto Sans 7.5pt #555555 box=14.81x10.21
    text panel/0/axis-x/label/3 "75%" @353.66,210.77 middle/top Noto Sans 7.5pt #555555 box=14.81x10.21
    text panel/0/axis-x/label/4 "100%" @445.16,210.77 middle/top Noto Sans 7.5pt #555555 box=19.1x10.21
    path panel/0/axis-x/ticks stroke=#777777 w=0.5 M79.16,205.77 L79.16,208.77 M170.66,205.77 L170.66,208.77 M262.16,205.77 L262.16,208.77 M353.66,205.77 L353.66,208.77 M445.16,205.77 L445.16,208.77
    text panel/0/axis-y/label/0 "Trade missions" @74.16,75.61 end/middle Noto Sans 7.5pt #555555 box=52.57x10.21
    text panel/0/axis-y/label/1 "Twinning" @74.16,99.27 end/middle Noto Sans 7.5pt #555555 box=32.3x10.21
    text panel/0/axis-y/label/2 "Provincial visits" @74.16,122.94 end/middle Noto Sans 7.5pt #555555 box=53.45x10.21
    text panel/0/axis-y/label/3 "Diaspora networks" @74.16,146.61 end/middle Noto Sans 7.5pt #555555 box=66.16x10.21
    text panel/0/axis-y/label/4 "Universities" @74.16,170.27 end/middle Noto Sans 7.5pt #555555 box=41.18x10.21
    text panel/0/axis-y/label/5 "Party channels" @74.16,193.94 end/middle Noto Sans 7.5pt #555555 box=51.79x10.21
  text axis-x/title "Share of cases" @262.16,235.2 middle/bottom Noto Sans Bold 7.5pt #1A1A1A box=53x10.21
  group legend
    path legend/swatch/Concrete deal fill=#0072B2 R[8 45.17 9 9]
    text legend/label/Concrete deal "Concrete deal" @21,49.67 start/middle Noto Sans 7.5pt #1A1A1A box=48.56x10.21
    path legend/swatch/Agreement signed fill=#E69F00 R[79.56 45.17 9 9]
    text legend/label/Agreement signed "Agreement signed" @92.56,49.67 start/middle Noto Sans 7.5pt #1A1A1A box=64.97x10.21
    path legend/swatch/Exchanges only fill=#009E73 R[167.53 45.17 9 9]
    text legend/label/Exchanges only "Exchanges only" @180.53,49.67 start/middle Noto Sans 7.5pt #1A1A1A box=54.38x10.21
    path legend/swatch/Stalled fill=#CC79A7 R[244.91 45.17 9 9]
    text legend/label/Stalled "Stalled" @257.91,49.67 start/middle Noto Sans 7.5pt #1A1A1A box=23.74x10.21

"""##,
        "3-interval": ##"""
scene 438.71x239.84 "Share of cases with a concrete deal"
  text title "Share of cases with a concrete deal" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=191.94x14.98
  text subtitle "By channel, with Wilson 95% intervals" @8,23.98 start/top Noto Sans 8.5pt #555555 box=149.7x11.58
  text caption "Few cases per channel: intervals are wide." @8,222.99 start/top Noto Sans 6.5pt #555555 box=127.26x8.85
  group panel/0
    path panel/0/grid stroke=#E3E3E3 w=0.5 M79.16,43.56 L79.16,185.56 M164.66,43.56 L164.66,185.56 M250.16,43.56 L250.16,185.56 M335.66,43.56 L335.66,185.56 M421.16,43.56 L421.16,185.56
    group panel/0/marks clip=[79.16 43.56 342 142]
      path panel/0/layer1/rule/0 stroke=#56B4E9 w=2 M144.14,80.2 L260.42,80.2
      path panel/0/layer1/rule/1 stroke=#56B4E9 w=2 M123.62,126.01 L260.42,126.01
      path panel/0/layer1/rule/2 stroke=#56B4E9 w=2 M188.6,57.3 L356.18,57.3
      path panel/0/layer1/rule/3 stroke=#56B4E9 w=2 M86,171.82 L209.12,171.82
      path panel/0/layer1/rule/4 stroke=#56B4E9 w=2 M106.52,103.11 L298.04,103.11
      path panel/0/layer1/rule/5 stroke=#56B4E9 w=2 M86,148.91 L215.96,148.91
    path panel/0/layer2/point/0 fill=#0072B2 stroke=#FFFFFF w=0.6 O198.86,80.2,4
    path panel/0/layer2/point/1 fill=#0072B2 stroke=#FFFFFF w=0.6 O178.34,126.01,4
    path panel/0/layer2/point/2 fill=#0072B2 stroke=#FFFFFF w=0.6 O277.52,57.3,4
    path panel/0/layer2/point/3 fill=#0072B2 stroke=#FFFFFF w=0.6 O109.94,171.82,4
    path panel/0/layer2/point/4 fill=#0072B2 stroke=#FFFFFF w=0.6 O178.34,103.11,4
    path panel/0/layer2/point/5 fill=#0072B2 stroke=#FFFFFF w=0.6 O113.36,148.91,4
    text panel/0/axis-x/label/0 "0%" @79.16,190.56 middle/top Noto Sans 7.5pt #555555 box=10.52x10.21
    text panel/0/axis-x/label/1 "25%" @164.66,190.56 middle/top Noto Sans 7.5pt #555555 box=14.81x10.21
    text panel/0/axis-x/label/2 "50%" @250.16,190.56 middle/top Noto Sans 7.5pt #555555 box=14.81x10.21
    text panel/0/axis-x/label/3 "75%" @335.66,190.56 middle/top Noto Sans 7.5pt #555555 box=14.81x10.21
    text panel/0/axis-x/label/4 "100%" @421.16,190.56 middle/top Noto Sans 7.5pt #555555 box=19.1x10.21
    path panel/0/axis-x/ticks stroke=#777777 w=0.5 M79.16,185.56 L79.16,188.56 M164.66,185.56 L164.66,188.56 M250.16,185.56 L250.16,188.56 M335.66,185.56 L335.66,188.56 M421.16,185.56 L421.16,188.56
    text panel/0/axis-y/label/0 "Trade missions" @74.16,57.3 end/middle Noto Sans 7.5pt #555555 box=52.57x10.21
    text panel/0/axis-y/label/1 "Twinning" @74.16,80.2 end/middle Noto Sans 7.5pt #555555 box=32.3x10.21
    text panel/0/axis-y/label/2 "Diaspora networks" @74.16,103.11 end/middle Noto Sans 7.5pt #555555 box=66.16x10.21
    text panel/0/axis-y/label/3 "Provincial visits" @74.16,126.01 end/middle Noto Sans 7.5pt #555555 box=53.45x10.21
    text panel/0/axis-y/label/4 "Universities" @74.16,148.91 end/middle Noto Sans 7.5pt #555555 box=41.18x10.21
    text panel/0/axis-y/label/5 "Party channels" @74.16,171.82 end/middle Noto Sans 7.5pt #555555 box=51.79x10.21
  text axis-x/title "Share with a concrete deal" @250.16,214.99 middle/bottom Noto Sans Bold 7.5pt #1A1A1A box=99.15x10.21

"""##,
        "4-timeline": ##"""
scene 519.45x320.33 "New engagements per year, by channel"
  text title "New engagements per year, by channel" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=216.24x14.98
  text subtitle "Columns: new cases per year (left axis); line: cumulative total (right axis)" @8,23.98 start/top Noto Sans 8.5pt #555555 box=285.69x11.58
  text source "Source: Dossier case list" @8,303.48 start/top Noto Sans 6.5pt #555555 box=72.96x8.85
  group panel/0
    path panel/0/grid stroke=#E3E3E3 w=0.5 M36.79,280.26 L398.79,280.26 M36.79,196.8 L398.79,196.8 M36.79,113.34 L398.79,113.34
    group panel/0/marks clip=[36.79 63.26 362 217]
      path panel/0/layer1/bar/2004/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[39.46 246.88 15.97 16.69]
      path panel/0/layer1/bar/2004/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[39.46 263.57 15.97 16.69]
      path panel/0/layer1/bar/2004/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[39.46 213.49 15.97 33.38]
      path panel/0/layer1/bar/2005/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[60.75 213.49 15.97 66.77]
      path panel/0/layer1/bar/2005/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[60.75 280.26 15.97 0]
      path panel/0/layer1/bar/2005/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[60.75 196.8 15.97 16.69]
      path panel/0/layer1/bar/2006/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[82.04 180.11 15.97 50.08]
      path panel/0/layer1/bar/2006/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[82.04 230.19 15.97 50.08]
      path panel/0/layer1/bar/2006/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[82.04 180.11 15.97 0]
      path panel/0/layer1/bar/2007/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[103.34 213.49 15.97 33.38]
      path panel/0/layer1/bar/2007/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[103.34 246.88 15.97 33.38]
      path panel/0/layer1/bar/2007/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[103.34 163.42 15.97 50.08]
      path panel/0/layer1/bar/2008/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[124.63 246.88 15.97 16.69]
      path panel/0/layer1/bar/2008/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[124.63 263.57 15.97 16.69]
      path panel/0/layer1/bar/2008/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[124.63 213.49 15.97 33.38]
      path panel/0/layer1/bar/2009/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[145.93 213.49 15.97 66.77]
      path panel/0/layer1/bar/2009/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[145.93 280.26 15.97 0]
      path panel/0/layer1/bar/2009/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[145.93 196.8 15.97 16.69]
      path panel/0/layer1/bar/2010/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[167.22 180.11 15.97 50.08]
      path panel/0/layer1/bar/2010/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[167.22 230.19 15.97 50.08]
      path panel/0/layer1/bar/2010/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[167.22 180.11 15.97 0]
      path panel/0/layer1/bar/2011/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[188.52 213.49 15.97 33.38]
      path panel/0/layer1/bar/2011/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[188.52 246.88 15.97 33.38]
      path panel/0/layer1/bar/2011/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[188.52 163.42 15.97 50.08]
      path panel/0/layer1/bar/2012/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[209.81 246.88 15.97 16.69]
      path panel/0/layer1/bar/2012/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[209.81 263.57 15.97 16.69]
      path panel/0/layer1/bar/2012/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[209.81 213.49 15.97 33.38]
      path panel/0/layer1/bar/2013/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[231.1 213.49 15.97 66.77]
      path panel/0/layer1/bar/2013/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[231.1 280.26 15.97 0]
      path panel/0/layer1/bar/2013/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[231.1 196.8 15.97 16.69]
      path panel/0/layer1/bar/2014/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[252.4 180.11 15.97 50.08]
      path panel/0/layer1/bar/2014/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[252.4 230.19 15.97 50.08]
      path panel/0/layer1/bar/2014/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[252.4 180.11 15.97 0]
      path panel/0/layer1/bar/2015/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[273.69 146.73 15.97 66.77]
      path panel/0/layer1/bar/2015/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[273.69 213.49 15.97 66.77]
      path panel/0/layer1/bar/2015/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[273.69 63.26 15.97 83.46]
      path panel/0/layer1/bar/2016/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[294.99 180.11 15.97 50.08]
      path panel/0/layer1/bar/2016/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[294.99 230.19 15.97 50.08]
      path panel/0/layer1/bar/2016/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[294.99 113.34 15.97 66.77]
      path panel/0/layer1/bar/2017/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[316.28 146.73 15.97 100.15]
      path panel/0/layer1/bar/2017/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[316.28 246.88 15.97 33.38]
      path panel/0/layer1/bar/2017/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[316.28 96.65 15.97 50.08]
      path panel/0/layer1/bar/2018/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[337.57 113.34 15.97 83.46]
      path panel/0/layer1/bar/2018/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[337.57 196.8 15.97 83.46]
      path panel/0/layer1/bar/2018/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[337.57 79.96 15.97 33.38]
      path panel/0/layer1/bar/2019/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[358.87 146.73 15.97 66.77]
      path panel/0/layer1/bar/2019/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[358.87 213.49 15.97 66.77]
      path panel/0/layer1/bar/2019/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[358.87 63.26 15.97 83.46]
      path panel/0/layer1/bar/2020/Twinning fill=#E69F00 stroke=#FFFFFF w=0.5 R[380.16 180.11 15.97 50.08]
      path panel/0/layer1/bar/2020/Visits fill=#009E73 stroke=#FFFFFF w=0.5 R[380.16 230.19 15.97 50.08]
      path panel/0/layer1/bar/2020/Trade_missions fill=#0072B2 stroke=#FFFFFF w=0.5 R[380.16 113.34 15.97 66.77]
      path panel/0/layer2/line stroke=#333333 w=1.5 M47.44,273.59 L68.74,265.24 L90.03,255.23 L111.32,243.54 L132.62,236.86 L153.91,228.52 L175.21,218.5 L196.5,206.82 L217.79,200.14 L239.09,191.79 L260.38,181.78 L281.68,160.08 L302.97,143.39 L324.27,125.03 L345.56,104.99 L366.85,83.29 L388.15,66.6
    path panel/0/baseline-y stroke=#777777 w=0.75 M36.79,280.26 L398.79,280.26
    text panel/0/axis-x/label/0 "2004" @47.44,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/1 "2005" @68.74,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/2 "2006" @90.03,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/3 "2007" @111.32,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/4 "2008" @132.62,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/5 "2009" @153.91,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/6 "2010" @175.21,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/7 "2011" @196.5,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/8 "2012" @217.79,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/9 "2013" @239.09,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/10 "2014" @260.38,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/11 "2015" @281.68,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/12 "2016" @302.97,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/13 "2017" @324.27,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/14 "2018" @345.56,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/15 "2019" @366.85,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-x/label/16 "2020" @388.15,285.26 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/0/axis-y/label/0 "0" @31.79,280.26 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/0/axis-y/label/1 "5" @31.79,196.8 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/0/axis-y/label/2 "10" @31.79,113.34 end/middle Noto Sans 7.5pt #555555 box=8.58x10.21
    text panel/0/axis-y2/label/0 "0" @403.79,280.26 start/middle Noto Sans 7.5pt #333333 box=4.29x10.21
    text panel/0/axis-y2/label/1 "50" @403.79,196.8 start/middle Noto Sans 7.5pt #333333 box=8.58x10.21
    text panel/0/axis-y2/label/2 "100" @403.79,113.34 start/middle Noto Sans 7.5pt #333333 box=12.87x10.21
    path panel/0/axis-y2/ticks stroke=#777777 w=0.5 M398.79,280.26 L401.79,280.26 M398.79,196.8 L401.79,196.8 M398.79,113.34 L401.79,113.34 M398.79,63.26 L398.79,280.26
    path panel/0/annotation/0 stroke=#444444 w=0.75 dash=3,2 M132.62,57.84 L132.62,280.26
    text panel/0/annotation/0/label "2008 policy paper" @135.62,53.41 start/top Noto Sans 6.5pt #444444 box=53.96x8.85
    path panel/0/annotation/1 stroke=#444444 w=0.75 dash=3,2 M281.68,47.98 L281.68,280.26
    text panel/0/annotation/1/label "2015 China–CELAC plan" @284.68,43.56 start/top Noto Sans 6.5pt #444444 box=71.56x8.85
    path panel/0/annotation/2 stroke=#444444 w=0.75 dash=3,2 M302.97,57.84 L302.97,280.26
    text panel/0/annotation/2/label "2016 policy paper" @305.97,53.41 start/top Noto Sans 6.5pt #444444 box=53.96x8.85
  text axis-y/title "New cases" @8,171.76 middle/top rot=-90 Noto Sans Bold 7.5pt #1A1A1A box=39.02x10.21
  text axis-y2/title "Cumulative cases" @421.67,171.76 middle/top rot=-90 Noto Sans Bold 7.5pt #1A1A1A box=65.28x10.21
  group legend
    text legend/title "Channel" @445.88,43.56 start/top Noto Sans Bold 7.5pt #1A1A1A box=30.81x10.21
    path legend/swatch/Trade missions fill=#0072B2 R[445.88 57.38 9 9]
    text legend/label/Trade missions "Trade missions" @458.88,61.88 start/middle Noto Sans 7.5pt #1A1A1A box=52.57x10.21
    path legend/swatch/Twinning fill=#E69F00 R[445.88 69.6 9 9]
    text legend/label/Twinning "Twinning" @458.88,74.1 start/middle Noto Sans 7.5pt #1A1A1A box=32.3x10.21
    path legend/swatch/Visits fill=#009E73 R[445.88 81.81 9 9]
    text legend/label/Visits "Visits" @458.88,86.31 start/middle Noto Sans 7.5pt #1A1A1A box=18.26x10.21

"""##,
        "5-heatmap": ##"""
scene 458.74x279.77 "Channel by outcome"
  text title "Channel by outcome" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=112.48x14.98
  text subtitle "Number of local-level cases" @8,23.98 start/top Noto Sans 8.5pt #555555 box=108.91x11.58
  group panel/0
    group panel/0/marks clip=[79.16 43.56 335 213]
      path panel/0/layer1/rect/Concrete_deal/Twinning fill=#482474 R[79.16 43.56 81.21 34.31]
      path panel/0/layer1/rect/Agreement_signed/Twinning fill=#2A788E R[163.76 43.56 81.21 34.31]
      path panel/0/layer1/rect/Exchanges_only/Twinning fill=#404286 R[248.35 43.56 81.21 34.31]
      path panel/0/layer1/rect/Stalled/Twinning fill=#46BE6F R[332.95 43.56 81.21 34.31]
      path panel/0/layer1/rect/Concrete_deal/Provincial_visits fill=#23908C R[79.16 79.3 81.21 34.31]
      path panel/0/layer1/rect/Agreement_signed/Provincial_visits fill=#28A883 R[163.76 79.3 81.21 34.31]
      path panel/0/layer1/rect/Exchanges_only/Provincial_visits fill=#2A788E R[248.35 79.3 81.21 34.31]
      path panel/0/layer1/rect/Stalled/Provincial_visits fill=#7CD14F R[332.95 79.3 81.21 34.31]
      path panel/0/layer1/rect/Concrete_deal/Trade_missions fill=#355F8D R[79.16 115.04 81.21 34.31]
      path panel/0/layer1/rect/Agreement_signed/Trade_missions fill=#7CD14F R[163.76 115.04 81.21 34.31]
      path panel/0/layer1/rect/Exchanges_only/Trade_missions fill=#7CD14F R[248.35 115.04 81.21 34.31]
      path panel/0/layer1/rect/Stalled/Trade_missions fill=#BCDF2A R[332.95 115.04 81.21 34.31]
      path panel/0/layer1/rect/Concrete_deal/Party_channels fill=#BCDF2A R[79.16 150.77 81.21 34.31]
      path panel/0/layer1/rect/Agreement_signed/Party_channels fill=#7CD14F R[163.76 150.77 81.21 34.31]
      path panel/0/layer1/rect/Exchanges_only/Party_channels fill=#23908C R[248.35 150.77 81.21 34.31]
      path panel/0/layer1/rect/Stalled/Party_channels fill=#46BE6F R[332.95 150.77 81.21 34.31]
      path panel/0/layer1/rect/Concrete_deal/Diaspora_networks fill=#7CD14F R[79.16 186.51 81.21 34.31]
      path panel/0/layer1/rect/Agreement_signed/Diaspora_networks fill=#BCDF2A R[163.76 186.51 81.21 34.31]
      path panel/0/layer1/rect/Exchanges_only/Diaspora_networks fill=#46BE6F R[248.35 186.51 81.21 34.31]
      path panel/0/layer1/rect/Stalled/Diaspora_networks fill=#BCDF2A R[332.95 186.51 81.21 34.31]
      path panel/0/layer1/rect/Concrete_deal/Universities fill=#BCDF2A R[79.16 222.25 81.21 34.31]
      path panel/0/layer1/rect/Agreement_signed/Universities fill=#46BE6F R[163.76 222.25 81.21 34.31]
      path panel/0/layer1/rect/Exchanges_only/Universities fill=#28A883 R[248.35 222.25 81.21 34.31]
      path panel/0/layer1/rect/Stalled/Universities fill=#7CD14F R[332.95 222.25 81.21 34.31]
    text panel/0/layer2/text/Concrete_deal/Twinning "9" @119.77,60.71 middle/middle Noto Sans 7.5pt #FFFFFF box=4.29x10.21
    text panel/0/layer2/text/Agreement_signed/Twinning "6" @204.36,60.71 middle/middle Noto Sans 7.5pt #FFFFFF box=4.29x10.21
    text panel/0/layer2/text/Exchanges_only/Twinning "8" @288.96,60.71 middle/middle Noto Sans 7.5pt #FFFFFF box=4.29x10.21
    text panel/0/layer2/text/Stalled/Twinning "3" @373.56,60.71 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Concrete_deal/Provincial_visits "5" @119.77,96.45 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Agreement_signed/Provincial_visits "4" @204.36,96.45 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Exchanges_only/Provincial_visits "6" @288.96,96.45 middle/middle Noto Sans 7.5pt #FFFFFF box=4.29x10.21
    text panel/0/layer2/text/Stalled/Provincial_visits "2" @373.56,96.45 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Concrete_deal/Trade_missions "7" @119.77,132.19 middle/middle Noto Sans 7.5pt #FFFFFF box=4.29x10.21
    text panel/0/layer2/text/Agreement_signed/Trade_missions "2" @204.36,132.19 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Exchanges_only/Trade_missions "2" @288.96,132.19 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Stalled/Trade_missions "1" @373.56,132.19 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Concrete_deal/Party_channels "1" @119.77,167.93 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Agreement_signed/Party_channels "2" @204.36,167.93 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Exchanges_only/Party_channels "5" @288.96,167.93 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Stalled/Party_channels "3" @373.56,167.93 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Concrete_deal/Diaspora_networks "2" @119.77,203.67 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Agreement_signed/Diaspora_networks "1" @204.36,203.67 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Exchanges_only/Diaspora_networks "3" @288.96,203.67 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Stalled/Diaspora_networks "1" @373.56,203.67 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Concrete_deal/Universities "1" @119.77,239.4 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Agreement_signed/Universities "3" @204.36,239.4 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Exchanges_only/Universities "4" @288.96,239.4 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/layer2/text/Stalled/Universities "2" @373.56,239.4 middle/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    text panel/0/axis-x/label/0 "Concrete deal" @119.77,261.56 middle/top Noto Sans 7.5pt #555555 box=48.56x10.21
    text panel/0/axis-x/label/1 "Agreement signed" @204.36,261.56 middle/top Noto Sans 7.5pt #555555 box=64.97x10.21
    text panel/0/axis-x/label/2 "Exchanges only" @288.96,261.56 middle/top Noto Sans 7.5pt #555555 box=54.38x10.21
    text panel/0/axis-x/label/3 "Stalled" @373.56,261.56 middle/top Noto Sans 7.5pt #555555 box=23.74x10.21
    text panel/0/axis-y/label/0 "Twinning" @74.16,60.71 end/middle Noto Sans 7.5pt #555555 box=32.3x10.21
    text panel/0/axis-y/label/1 "Provincial visits" @74.16,96.45 end/middle Noto Sans 7.5pt #555555 box=53.45x10.21
    text panel/0/axis-y/label/2 "Trade missions" @74.16,132.19 end/middle Noto Sans 7.5pt #555555 box=52.57x10.21
    text panel/0/axis-y/label/3 "Party channels" @74.16,167.93 end/middle Noto Sans 7.5pt #555555 box=51.79x10.21
    text panel/0/axis-y/label/4 "Diaspora networks" @74.16,203.67 end/middle Noto Sans 7.5pt #555555 box=66.16x10.21
    text panel/0/axis-y/label/5 "Universities" @74.16,239.4 end/middle Noto Sans 7.5pt #555555 box=41.18x10.21
  group legend
    text legend/title "Cases" @428.16,43.56 start/top Noto Sans Bold 7.5pt #1A1A1A box=21.2x10.21
    path legend/gradient/0 fill=#F6E626 R[428.16 158.76 10 2.34]
    path legend/gradient/1 fill=#E9E427 R[428.16 156.72 10 2.34]
    path legend/gradient/2 fill=#DBE328 R[428.16 154.68 10 2.34]
    path legend/gradient/3 fill=#CEE129 R[428.16 152.64 10 2.34]
    path legend/gradient/4 fill=#C0DF2A R[428.16 150.6 10 2.34]
    path legend/gradient/5 fill=#B3DE2C R[428.16 148.56 10 2.34]
    path legend/gradient/6 fill=#A5DB35 R[428.16 146.52 10 2.34]
    path legend/gradient/7 fill=#98D83D R[428.16 144.48 10 2.34]
    path legend/gradient/8 fill=#8BD546 R[428.16 142.44 10 2.34]
    path legend/gradient/9 fill=#7ED24E R[428.16 140.4 10 2.34]
    path legend/gradient/10 fill=#70CF57 R[428.16 138.36 10 2.34]
    path legend/gradient/11 fill=#65CA5D R[428.16 136.32 10 2.34]
    path legend/gradient/12 fill=#5AC663 R[428.16 134.28 10 2.34]
    path legend/gradient/13 fill=#50C26A R[428.16 132.24 10 2.34]
    path legend/gradient/14 fill=#45BD70 R[428.16 130.2 10 2.34]
    path legend/gradient/15 fill=#3AB976 R[428.16 128.16 10 2.34]
    path legend/gradient/16 fill=#33B57A R[428.16 126.12 10 2.34]
    path legend/gradient/17 fill=#2FB07E R[428.16 124.08 10 2.34]
    path legend/gradient/18 fill=#2BAB81 R[428.16 122.04 10 2.34]
    path legend/gradient/19 fill=#27A784 R[428.16 120 10 2.34]
    path legend/gradient/20 fill=#22A287 R[428.16 117.96 10 2.34]
    path legend/gradient/21 fill=#1F9D89 R[428.16 115.92 10 2.34]
    path legend/gradient/22 fill=#21988A R[428.16 113.88 10 2.34]
    path legend/gradient/23 fill=#22938B R[428.16 111.84 10 2.34]
    path legend/gradient/24 fill=#238D8C R[428.16 109.8 10 2.34]
    path legend/gradient/25 fill=#24888D R[428.16 107.76 10 2.34]
    path legend/gradient/26 fill=#26838E R[428.16 105.72 10 2.34]
    path legend/gradient/27 fill=#287E8E R[428.16 103.68 10 2.34]
    path legend/gradient/28 fill=#2A798E R[428.16 101.64 10 2.34]
    path legend/gradient/29 fill=#2C748E R[428.16 99.6 10 2.34]
    path legend/gradient/30 fill=#2E6F8E R[428.16 97.56 10 2.34]
    path legend/gradient/31 fill=#306A8E R[428.16 95.52 10 2.34]
    path legend/gradient/32 fill=#32658E R[428.16 93.48 10 2.34]
    path legend/gradient/33 fill=#355F8D R[428.16 91.44 10 2.34]
    path legend/gradient/34 fill=#37598C R[428.16 89.4 10 2.34]
    path legend/gradient/35 fill=#3A548B R[428.16 87.36 10 2.34]
    path legend/gradient/36 fill=#3C4E8A R[428.16 85.32 10 2.34]
    path legend/gradient/37 fill=#3E4888 R[428.16 83.28 10 2.34]
    path legend/gradient/38 fill=#404285 R[428.16 81.24 10 2.34]
    path legend/gradient/39 fill=#423C82 R[428.16 79.2 10 2.34]
    path legend/gradient/40 fill=#44357F R[428.16 77.16 10 2.34]
    path legend/gradient/41 fill=#462F7C R[428.16 75.12 10 2.34]
    path legend/gradient/42 fill=#482979 R[428.16 73.08 10 2.34]
    path legend/gradient/43 fill=#472272 R[428.16 71.04 10 2.34]
    path legend/gradient/44 fill=#471B6C R[428.16 69 10 2.34]
    path legend/gradient/45 fill=#461365 R[428.16 66.96 10 2.34]
    path legend/gradient/46 fill=#450C5E R[428.16 64.92 10 2.34]
    path legend/gradient/47 fill=#440557 R[428.16 62.88 10 2.04]
    path legend/tick/0 stroke=#FFFFFF w=0.6 M436.16,160.8 L438.16,160.8
    text legend/label/0 "0" @442.16,160.8 start/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    path legend/tick/1 stroke=#FFFFFF w=0.6 M436.16,141.22 L438.16,141.22
    text legend/label/2 "2" @442.16,141.22 start/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    path legend/tick/2 stroke=#FFFFFF w=0.6 M436.16,121.63 L438.16,121.63
    text legend/label/4 "4" @442.16,121.63 start/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    path legend/tick/3 stroke=#FFFFFF w=0.6 M436.16,102.05 L438.16,102.05
    text legend/label/6 "6" @442.16,102.05 start/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    path legend/tick/4 stroke=#FFFFFF w=0.6 M436.16,82.46 L438.16,82.46
    text legend/label/8 "8" @442.16,82.46 start/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    path legend/tick/5 stroke=#FFFFFF w=0.6 M436.16,62.88 L438.16,62.88
    text legend/label/10 "10" @442.16,62.88 start/middle Noto Sans 7.5pt #1A1A1A box=8.58x10.21

"""##,
        "6-map": ##"""
scene 418.92x440.41 "Twinning ties with Chinese cities and provinces"
  text title "Twinning ties with Chinese cities and provinces" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=258.96x14.98
  text subtitle "By country; small island states as circles" @8,23.98 start/top Noto Sans 8.5pt #555555 box=158.36x11.58
  text source "Source: Wikipedia twinning lists; Natural Earth 1:110m" @8,423.56 start/top Noto Sans 6.5pt #555555 box=164.95x8.85
  group panel/0
    group panel/0/marks clip=[8 43.56 348 372]
      path panel/0/layer1/shape/ARG fill=#3E4A89 stroke=#FFFFFF w=0.5 M198.41,410.92 L196.84,410.72 L194.03,410.56 L194.92,401.7 L195.79,403.59 L196.81,406.65 L199.98,409.23 L203.53,410.48 L202.05,412.37 L199.55,412.4 L198.41,410.92 Z M195.23,400.36 L192.71,399.62 L186.02,398.85 L184.97,396.49 L185.17,393.49 L183.25,393.7 L182.29,392.23 L182.18,387.96 L184.5,386.23 L185.55,383.69 L185.29,381.63 L187.06,378.21 L188.45,372.85 L188.23,370.45 L189.65,369.72 L189.39,368.17 L187.96,367.31 L189.09,365.62 L187.72,364.03 L187.16,359.28 L188.51,358.48 L188.17,353.45 L189.13,349.24 L190.2,345.57 L192.32,344.12 L191.47,340.04 L191.63,336.23 L194.41,333.58 L194.51,330.1 L196.75,326.09 L196.97,322.24 L196.06,321.45 L194.71,314.16 L197.19,309.9 L197.02,305.82 L198.54,302.02 L201.21,298.14 L204.04,295.61 L202.98,293.91 L203.85,292.58 L204.08,285.51 L208.43,283.58 L210.01,279.22 L209.59,278.13 L213.09,274.42 L218.2,275.69 L220.3,278.87 L222.07,275.53 L226.55,275.95 L227.12,276.89 L233.69,284.29 L236.79,285.16 L241.17,288.65 L244.92,290.64 L245.25,292.56 L240.73,298.71 L244.38,300.19 L248.5,301.22 L251.56,300.82 L255.43,297.89 L256.58,294.19 L258.58,293.57 L260.1,296.23 L259.51,299.62 L256,301.64 L253.24,303.11 L248.45,306.82 L242.71,312.13 L241.31,315.42 L239.72,319.67 L239.14,323.86 L238.22,324.72 L237.54,327.41 L236.97,329.58 L240.84,333.59 L239.88,336.43 L241.72,338.47 L241.19,340.49 L236.97,345.48 L231.6,347.22 L224.72,347.48 L221.07,346.77 L221.44,349.29 L220.33,352.33 L220.65,354.46 L218.47,355.76 L215.02,356.08 L212.03,354.36 L210.64,355.36 L210.62,359.48 L212.67,360.86 L214.61,359.69 L215.29,361.9 L212.16,362.96 L209.28,365.34 L208.32,369.42 L207.32,371.56 L204.36,371.39 L201.7,373.34 L200.52,376.35 L203.2,379.49 L206,380.48 L204.52,384.05 L200.76,386.12 L198.36,390.74 L195.57,392.19 L194.22,394.02 L194.75,398.22 L196.37,400.62 L195.23,400.36 Z
      path panel/0/layer1/shape/BHS fill=#E6E6E6 stroke=#FFFFFF w=0.5 M168.23,81.78 L167.22,81.98 L166.21,79.64 L164.69,78.47 L165.61,75.9 L166.83,76.06 L168.22,79.42 L168.23,81.78 Z M167.18,70.37 L162.77,71.02 L162.52,69.53 L164.41,69.2 L167.07,69.32 L167.18,70.37 Z M170.48,70.33 L169.76,73.19 L169.02,72.68 L169.11,70.57 L167.32,68.98 L167.32,68.52 L170.48,70.33 Z
      path panel/0/layer1/shape/BLZ fill=#E6E6E6 stroke=#FFFFFF w=0.5 M119.52,106.58 L119.51,105.97 L120.02,105.77 L120.76,106.25 L122.36,103.73 L123.15,103.66 L123.14,104.27 L123.93,104.28 L123.81,105.4 L123.06,107.21 L123.4,107.85 L122.9,109.34 L123.15,109.73 L122.59,111.84 L121.72,112.96 L120.96,113.11 L120.08,114.56 L118.83,114.59 L119.34,109.88 L119.52,106.58 Z
      path panel/0/layer1/shape/BOL fill=#BEDF2A stroke=#FFFFFF w=0.5 M227.12,276.89 L226.55,275.95 L222.07,275.53 L220.3,278.87 L218.2,275.69 L213.09,274.42 L209.59,278.13 L206.73,278.61 L205.45,272.7 L203.51,267.87 L204.93,263.79 L202.89,261.92 L202.46,258.84 L200.57,255.89 L203.28,251.36 L201.63,247.73 L202.61,246.32 L201.92,244.72 L203.59,242.63 L203.77,239 L204.06,236.01 L204.99,234.58 L201.55,227.63 L204.65,228.06 L206.8,228.02 L207.76,226.76 L211.46,225.13 L213.71,223.59 L219.21,223.05 L218.66,226.24 L219.11,227.9 L218.67,230.76 L223.02,234.77 L227.62,235.67 L229.16,237.35 L231.9,238.33 L233.54,239.67 L236.12,239.76 L238.43,241.17 L238.46,243.66 L239.17,244.95 L239.1,246.81 L237.91,246.81 L239.13,251.89 L246.87,252.58 L246.07,255.02 L246.36,256.74 L248.45,258.1 L249.16,260.84 L248.14,264.16 L246.87,265.96 L247.02,268.43 L245.7,269.22 L245.76,267.9 L242.26,265.44 L238.57,265.13 L231.53,265.95 L229.34,269.59 L229.06,271.88 L227.12,276.89 Z
      path panel/0/layer1/shape/BRA fill=#440154 stroke=#FFFFFF w=0.5 M242.71,312.13 L248.45,306.82 L253.24,303.11 L256,301.64 L259.51,299.62 L260.1,296.23 L258.58,293.57 L256.58,294.19 L257.68,291.81 L258.55,289.33 L258.87,286.98 L257.6,286.07 L256.07,286.62 L254.66,286.3 L254.42,284.61 L254.55,280.66 L253.98,279.32 L251.48,277.93 L249.8,278.63 L245.77,277.48 L246.63,271.69 L245.7,269.22 L247.02,268.43 L246.87,265.96 L248.14,264.16 L249.16,260.84 L248.45,258.1 L246.36,256.74 L246.07,255.02 L246.87,252.58 L239.13,251.89 L237.91,246.81 L239.1,246.81 L239.17,244.95 L238.46,243.66 L238.43,241.17 L236.12,239.76 L233.54,239.67 L231.9,238.33 L229.16,237.35 L227.62,235.67 L223.02,234.77 L218.67,230.76 L219.11,227.9 L218.66,226.24 L219.21,223.05 L213.71,223.59 L211.46,225.13 L207.76,226.76 L206.8,228.02 L204.65,228.06 L201.55,227.63 L199.18,228.31 L197.29,227.79 L197.68,221.31 L194.2,223.77 L190.5,223.61 L188.94,221.32 L186.16,221.04 L187.06,219.22 L184.74,216.61 L183,212.76 L184.12,211.99 L184.13,210.19 L186.7,208.98 L186.29,206.67 L187.38,205.2 L187.7,203.22 L192.58,200.37 L196.07,199.6 L196.65,198.97 L200.48,199.23 L202.51,187.6 L202.62,185.76 L201.97,183.31 L200.08,181.73 L200.12,178.65 L202.53,177.99 L203.39,178.44 L203.54,176.82 L201.03,176.34 L200.99,173.68 L209.33,173.92 L210.75,172.49 L211.93,173.86 L212.75,176.39 L213.56,175.88 L215.9,178.18 L219.22,177.99 L220.05,176.71 L223.23,175.81 L224.99,175.16 L225.5,173.37 L228.55,172.25 L228.32,171.35 L224.71,170.88 L224.13,168.19 L224.3,165.34 L222.39,164.19 L223.19,163.82 L226.35,164.45 L229.74,165.61 L230.97,164.65 L234.03,164.08 L238.79,162.65 L240.34,161.08 L239.77,159.85 L241.98,159.74 L242.97,160.76 L242.43,162.61 L243.89,163.31 L244.87,165.33 L243.69,166.79 L243,170.39 L244.08,172.6 L244.37,174.59 L246.96,176.7 L249.04,177.01 L249.52,176.19 L250.86,176.06 L252.78,175.4 L254.17,174.32 L256.5,174.8 L257.53,174.69 L259.82,175.16 L260.21,174.3 L259.51,173.41 L259.94,172.19 L261.64,172.65 L263.64,172.31 L266.05,173.35 L267.88,174.34 L269.19,173.24 L270.13,173.48 L270.69,174.72 L272.71,174.53 L274.33,172.98 L275.64,169.88 L278.12,166.06 L279.55,165.94 L280.59,168.4 L282.88,176.12 L285.11,176.98 L285.18,179.99 L281.97,183.35 L283.24,184.75 L290.58,185.96 L290.6,190.34 L293.84,187.72 L299,189.71 L305.76,192.98 L307.66,195.74 L306.87,198.11 L311.7,197.2 L319.52,200.34 L325.59,200.81 L331.34,205.18 L336.11,210.82 L339.08,212.51 L342.47,213.13 L343.78,214.75 L344.6,220.68 L344.97,223.5 L342.58,230.71 L340.24,233.35 L333.94,238.76 L330.77,243.44 L327.35,246.86 L326.36,246.81 L324.8,249.91 L323.8,258.26 L321.59,264.9 L320.68,267.74 L319.16,269.29 L317.4,275.06 L312.48,280.16 L310.95,284.57 L307.54,285.97 L306.14,288.44 L302.09,287.79 L295.88,288.57 L292.88,290.11 L288.45,290.78 L283.42,293.61 L279.48,297.45 L278.35,300.58 L278.51,303.02 L276.99,307.25 L275.75,309.22 L272.74,311.22 L267.26,318.17 L263.46,321.12 L260.65,322.79 L258.26,326.6 L255.46,328.72 L254.94,326.22 L256.88,324.41 L255.35,321.3 L252.95,318.65 L249.68,315.54 L248.31,315.53 L245.15,311.9 L242.71,312.13 Z
      path panel/0/layer1/shape/CHL fill=#21948B stroke=#FFFFFF w=0.5 M194.92,401.7 L194.03,410.56 L196.84,410.72 L198.41,410.92 L197.34,412.46 L194.97,413.56 L193.71,413.37 L192.21,412.97 L190.43,411.7 L187.73,411.03 L184.54,408.72 L181.91,406.53 L178.28,402.02 L180.53,402.88 L184.24,405.61 L187.73,407.14 L189.25,405.37 L190.33,402.67 L193.01,401.13 L194.92,401.7 Z M209.59,278.13 L210.01,279.22 L208.43,283.58 L204.08,285.51 L203.85,292.58 L202.98,293.91 L204.04,295.61 L201.21,298.14 L198.54,302.02 L197.02,305.82 L197.19,309.9 L194.71,314.16 L196.06,321.45 L196.97,322.24 L196.75,326.09 L194.51,330.1 L194.41,333.58 L191.63,336.23 L191.47,340.04 L192.32,344.12 L190.2,345.57 L189.13,349.24 L188.17,353.45 L188.51,358.48 L187.16,359.28 L187.72,364.03 L189.09,365.62 L187.96,367.31 L189.39,368.17 L189.65,369.72 L188.23,370.45 L188.45,372.85 L187.06,378.21 L185.29,381.63 L185.55,383.69 L184.5,386.23 L182.18,387.96 L182.29,392.23 L183.25,393.7 L185.17,393.49 L184.97,396.49 L186.02,398.85 L192.71,399.62 L195.23,400.36 L192.77,400.22 L191.35,401.14 L188.76,402.49 L188.07,406.19 L186.92,406.25 L183.94,404.87 L180.92,402.04 L177.53,399.72 L176.68,397.19 L177.51,394.84 L176.09,392.17 L175.75,385.3 L177.05,381.41 L180.3,378.31 L175.67,377.09 L178.64,373.51 L179.83,366.75 L183.32,368.23 L185.28,359.77 L183.12,358.64 L181.97,363.75 L179.95,363.15 L181.09,357.29 L182.39,349.67 L184.01,346.87 L183.13,342.81 L182.95,338.13 L184.42,338.02 L186.77,331.33 L189.46,324.7 L191.22,318.5 L190.59,312.19 L191.82,308.75 L191.55,303.54 L193.94,298.44 L194.92,290.29 L196.48,281.52 L198.03,272.06 L197.96,265.1 L197.3,259.08 L199.41,258.04 L200.57,255.89 L202.46,258.84 L202.89,261.92 L204.93,263.79 L203.51,267.87 L205.45,272.7 L206.73,278.61 L209.59,278.13 Z
      path panel/0/layer1/shape/COL fill=#80D24C stroke=#FFFFFF w=0.5 M213.56,175.88 L212.75,176.39 L211.93,173.86 L210.75,172.49 L209.33,173.92 L200.99,173.68 L201.03,176.34 L203.54,176.82 L203.39,178.44 L202.53,177.99 L200.12,178.65 L200.08,181.73 L201.97,183.31 L202.62,185.76 L202.51,187.6 L200.48,199.23 L198.37,196.93 L197.1,196.81 L199.89,192.52 L196.64,190.48 L194.08,190.81 L192.54,190.06 L190.18,191.16 L187.01,190.6 L184.5,186.13 L182.53,185.02 L181.16,183.01 L178.32,181 L177.18,181.4 L175.34,180.39 L173.24,178.99 L172.02,179.66 L168.39,179.09 L167.34,177.27 L166.54,177.34 L162.25,174.94 L161.67,173.63 L163.27,173.31 L163.08,171.19 L164.08,169.65 L166.21,169.35 L168.01,166.69 L169.65,164.47 L168.07,163.47 L168.88,161.01 L167.92,157.16 L168.84,156.05 L168.16,152.49 L166.43,150.26 L166.98,148.21 L168.36,148.51 L169.17,147.26 L168.18,144.79 L168.7,144.17 L170.91,144.3 L174.12,141.37 L175.88,140.92 L175.93,139.54 L176.71,136 L179.15,134.06 L181.84,133.99 L182.18,133.12 L185.51,133.48 L188.85,131.39 L190.51,130.47 L192.55,128.47 L194.06,128.74 L195.18,129.84 L194.37,131.24 L191.64,131.92 L190.58,134 L188.93,135.19 L187.7,136.74 L187.19,139.73 L186.02,142.17 L188.22,142.46 L188.78,144.4 L189.73,145.33 L190.07,147.02 L189.57,148.57 L189.72,149.45 L190.77,149.81 L191.8,151.29 L197.3,150.93 L199.79,151.5 L202.82,155.16 L204.55,154.74 L207.63,155.01 L210.06,154.57 L211.58,155.33 L210.82,157.59 L209.87,158.99 L209.54,162.02 L210.4,164.84 L211.62,166.13 L211.76,167.08 L209.59,169.14 L211.14,170.11 L212.27,171.62 L213.56,175.88 Z
      path panel/0/layer1/shape/CRI fill=#D3E228 stroke=#FFFFFF w=0.5 M144.7,146.24 L142.39,145.34 L141.53,144.47 L142.03,143.73 L141.88,142.81 L140.71,141.82 L139.04,141.02 L137.58,140.5 L137.31,139.28 L136.2,138.55 L136.46,139.76 L135.6,140.78 L134.64,139.63 L133.28,139.24 L132.71,138.41 L132.75,137.13 L133.34,135.79 L132.15,135.22 L133.13,134.4 L133.78,133.85 L136.56,134.91 L137.55,134.35 L138.89,134.68 L139.59,135.53 L140.84,135.79 L141.87,134.89 L142.92,137.15 L144.55,138.82 L146.53,140.58 L144.88,140.98 L144.89,142.67 L145.77,143.28 L145.13,143.79 L145.29,144.55 L144.93,145.4 L144.7,146.24 Z
      path panel/0/layer1/shape/CUB fill=#AADB32 stroke=#FFFFFF w=0.5 M148.8,84.16 L152.33,84.44 L155.55,84.47 L159.38,85.84 L160.99,87.33 L164.84,86.86 L166.29,87.82 L169.77,90.34 L172.33,92.18 L173.7,92.12 L176.17,92.96 L175.87,94.11 L178.92,94.28 L182.07,95.96 L181.59,96.92 L178.82,97.44 L176.02,97.64 L173.15,97.32 L167.2,97.72 L170,95.43 L168.31,94.37 L165.64,94.1 L164.22,92.92 L163.26,90.59 L160.93,90.76 L157.1,89.68 L155.88,88.83 L150.52,88.22 L149.11,87.43 L150.68,86.4 L146.66,86.21 L143.63,88.35 L141.93,88.42 L141.3,89.43 L139.25,89.89 L137.5,89.52 L139.72,88.23 L140.67,86.75 L142.56,85.83 L144.68,85.02 L147.8,84.61 L148.8,84.16 Z
      path panel/0/layer1/shape/DOM fill=#DEE328 stroke=#FFFFFF w=0.5 M192.35,98.33 L192.86,97.64 L196.11,97.67 L198.59,98.74 L199.69,98.65 L200.48,100.11 L202.75,100.05 L202.65,101.27 L204.51,101.43 L206.6,102.96 L205.09,104.63 L203.08,103.72 L201.17,103.88 L199.79,103.67 L199.05,104.42 L197.45,104.66 L196.8,103.65 L195.42,104.24 L193.79,107.05 L192.7,106.39 L192.48,105.2 L192.55,104.08 L191.45,102.84 L192.46,102.15 L192.75,100.57 L192.35,98.33 Z
      path panel/0/layer1/shape/ECU fill=#64CA5E stroke=#FFFFFF w=0.5 M162.25,174.94 L166.54,177.34 L167.34,177.27 L168.39,179.09 L172.02,179.66 L173.24,178.99 L175.34,180.39 L177.18,181.4 L177.77,184.62 L176.44,187.38 L171.78,191.83 L166.65,193.52 L164.05,197.24 L163.26,200.11 L160.87,201.88 L159.07,199.75 L157.35,199.31 L155.59,199.67 L155.46,198.12 L156.67,197.09 L156.15,195.32 L158.4,192.12 L157.47,190.27 L155.85,192.27 L153.28,190.44 L154.14,189.23 L153.39,185.38 L154.89,184.72 L155.66,182.07 L157.27,179.32 L156.97,177.59 L159.31,176.66 L162.25,174.94 Z
      path panel/0/layer1/shape/FLK fill=#E6E6E6 stroke=#FFFFFF w=0.5 M215.89,400.08 L219.7,398.03 L221.84,399.28 L223.87,397.88 L225.66,399.94 L224.5,401.23 L220.54,401.99 L219.61,400.46 L216.9,402.01 L215.89,400.08 Z
      path panel/0/layer1/shape/GTM fill=#E6E6E6 stroke=#FFFFFF w=0.5 M119.52,106.58 L119.34,109.88 L118.83,114.59 L120.08,114.56 L121.42,115.29 L121.8,114.67 L123.01,115.18 L121.04,116.8 L119.01,118.01 L118.69,118.82 L118.99,119.63 L118.09,120.71 L117.09,120.99 L117.3,121.48 L116.49,121.96 L115.02,123.04 L114.87,123.66 L112.73,122.98 L110.11,122.96 L108.22,122.18 L106.04,120.5 L106.19,119.27 L106.72,118.28 L106.16,117.51 L108.32,114.05 L113.69,113.93 L113.85,112.5 L113.19,112.26 L112.77,111.37 L111.27,110.43 L109.79,109.07 L111.67,109.02 L111.79,106.68 L115.67,106.6 L119.52,106.58 Z
      path panel/0/layer1/shape/GUY fill=#F3E626 stroke=#FFFFFF w=0.5 M257.53,174.69 L256.5,174.8 L254.17,174.32 L252.78,175.4 L250.86,176.06 L249.52,176.19 L249.04,177.01 L246.96,176.7 L244.37,174.59 L244.08,172.6 L243,170.39 L243.69,166.79 L244.87,165.33 L243.89,163.31 L242.43,162.61 L242.97,160.76 L241.98,159.74 L239.77,159.85 L236.88,156.53 L238.02,155.4 L237.92,153.44 L240.53,152.84 L241.57,152.08 L240.1,150.46 L240.45,148.92 L243.77,146.54 L246.58,148.19 L249.24,151.05 L249.39,153.25 L250.98,153.41 L253.27,155.58 L254.96,157.13 L254.31,160.95 L251.74,161.96 L251.98,162.97 L251.2,165.15 L253.07,168.33 L254.43,168.4 L254.98,170.84 L257.53,174.69 Z
      path panel/0/layer1/shape/HND fill=#E6E6E6 stroke=#FFFFFF w=0.5 M118.09,120.71 L118.99,119.63 L118.69,118.82 L119.01,118.01 L121.04,116.8 L123.01,115.18 L123.44,115.33 L124.39,114.58 L125.59,114.51 L125.97,114.84 L126.63,114.62 L128.56,114.97 L130.51,114.83 L131.87,114.35 L132.38,113.88 L133.71,114.07 L134.71,114.34 L135.81,114.23 L136.66,113.86 L138.56,114.41 L139.23,114.5 L140.49,115.26 L141.69,116.18 L143.21,116.8 L144.3,117.93 L142.85,117.86 L142.26,118.43 L140.78,118.99 L139.71,119.01 L138.77,119.55 L137.93,119.37 L137.23,118.74 L136.78,118.87 L136.22,119.87 L135.81,119.84 L135.72,120.7 L134.22,121.87 L133.43,122.38 L132.99,122.9 L131.76,122.08 L130.82,123.21 L129.94,123.19 L128.95,123.31 L128.99,125.36 L128.37,125.41 L127.82,126.37 L126.5,126.57 L125.8,125.27 L124.53,124.93 L124.87,123.25 L124.31,122.81 L123.45,122.53 L121.58,123.06 L121.44,122.5 L120.19,121.85 L119.31,121.04 L118.09,120.71 Z
      path panel/0/layer1/shape/HTI fill=#E6E6E6 stroke=#FFFFFF w=0.5 M192.35,98.33 L192.75,100.57 L192.46,102.15 L191.45,102.84 L192.55,104.08 L192.48,105.2 L189.69,104.49 L187.71,104.77 L185.16,104.46 L183.2,105.23 L180.95,103.94 L181.31,102.61 L185.17,103.19 L188.33,103.53 L189.82,102.62 L187.89,100.83 L187.9,99.26 L185.27,98.61 L186.19,97.48 L188.73,97.67 L192.35,98.33 Z
      path panel/0/layer1/shape/JAM fill=#E8E427 stroke=#FFFFFF w=0.5 M167.93,103.33 L170.75,103.7 L172.97,104.68 L173.66,105.81 L170.72,105.89 L169.44,106.58 L167.1,105.92 L164.71,104.43 L165.22,103.49 L166.98,103.19 L167.93,103.33 Z
      path panel/0/layer1/shape/MEX fill=#482978 stroke=#FFFFFF w=0.5 M123.15,103.66 L122.36,103.73 L120.76,106.25 L120.02,105.77 L119.51,105.97 L119.52,106.58 L115.67,106.6 L111.79,106.68 L111.67,109.02 L109.79,109.07 L111.27,110.43 L112.77,111.37 L113.19,112.26 L113.85,112.5 L113.69,113.93 L108.32,114.05 L106.16,117.51 L106.72,118.28 L106.19,119.27 L106.04,120.5 L101.51,116.1 L99.43,114.79 L96.09,113.78 L93.75,114.14 L90.32,115.82 L88.2,116.29 L85.34,115.27 L82.29,114.55 L78.56,112.73 L75.51,112.24 L71,110.41 L67.74,108.5 L66.81,107.39 L64.55,107.21 L60.5,106 L59,104.12 L54.9,101.84 L53.18,99.21 L52.46,97.17 L53.84,96.71 L53.57,95.51 L54.63,94.38 L54.82,92.92 L53.71,91.05 L53.57,89.37 L52.53,87.26 L49.64,83.13 L46.2,79.9 L44.73,77.3 L41.7,75.63 L41.17,74.6 L42.22,71.98 L40.44,71.02 L38.57,68.99 L38.21,66.05 L36.23,65.73 L34.5,63.52 L33.18,61.47 L33.32,60.15 L32.04,56.97 L31.5,53.73 L31.96,52.11 L29.73,50.44 L28.46,50.62 L26.67,49.44 L25.64,51.16 L25.71,53.19 L25.27,56.38 L26.11,58.13 L28.19,61.04 L28.57,62.04 L29.08,62.34 L29.25,63.8 L29.93,63.73 L30.09,66.47 L31.02,67.54 L31.51,69.04 L33.48,71.17 L34,75.12 L34.8,76.96 L35.52,78.94 L35.35,81.19 L37.2,81.29 L38.45,83.2 L39.56,85.07 L39.35,85.84 L37.46,87.45 L36.77,87.45 L36.14,84.87 L33.99,82.49 L31.55,80.48 L29.76,79.43 L30.46,76.3 L30.32,73.99 L28.76,72.69 L26.53,70.82 L25.91,71.38 L25.18,70.28 L23.07,69.27 L21.4,66.81 L21.74,66.48 L23.24,66.71 L24.99,65.1 L25.56,63.17 L23.4,60.14 L21.51,58.97 L20.81,56.31 L20.18,53.51 L19.41,50.1 L19.03,46.26 L23.21,45.98 L27.93,45.56 L27.36,46.38 L32.32,48.46 L39.98,51.44 L47.38,51.42 L50.34,51.42 L50.73,49.71 L57.2,49.72 L58.26,51.18 L59.92,52.49 L61.8,54.3 L62.65,56.45 L63.18,58.72 L64.94,59.95 L67.91,61.17 L70.89,57.91 L74.04,57.81 L76.49,59.43 L78,62.23 L78.98,64.63 L80.96,66.96 L81.43,69.83 L82.28,71.76 L85.2,73 L87.91,73.87 L89.48,73.73 L87.52,77.37 L86.49,80.36 L85.61,85.92 L85.02,87.96 L85.5,90.22 L86.57,92.23 L87.1,95.44 L89.55,98.5 L90.32,100.86 L91.78,102.88 L96.08,103.9 L97.67,105.61 L101.37,104.36 L104.55,103.88 L107.69,103.07 L110.33,102.31 L113.06,100.57 L114.18,98.14 L114.72,94.66 L115.5,93.44 L118.35,92.32 L122.75,91.31 L126.38,91.41 L128.89,91.04 L129.84,91.9 L129.61,93.88 L127.28,96.36 L126.18,98.88 L126.91,99.59 L126.21,101.38 L125.03,104.63 L124.02,103.58 L123.15,103.66 Z
      path panel/0/layer1/shape/NIC fill=#FDE725 stroke=#FFFFFF w=0.5 M141.87,134.89 L140.84,135.79 L139.59,135.53 L138.89,134.68 L137.55,134.35 L136.56,134.91 L133.78,133.85 L133.13,134.4 L131.69,133.1 L129.74,131.44 L128.83,130.05 L127.08,128.76 L125,126.91 L125.49,126.25 L126.17,126.87 L126.5,126.57 L127.82,126.37 L128.37,125.41 L128.99,125.36 L128.95,123.31 L129.94,123.19 L130.82,123.21 L131.76,122.08 L132.99,122.9 L133.43,122.38 L134.22,121.87 L135.72,120.7 L135.81,119.84 L136.22,119.87 L136.78,118.87 L137.23,118.74 L137.93,119.37 L138.77,119.55 L139.71,119.01 L140.78,118.99 L142.26,118.43 L142.85,117.86 L144.3,117.93 L143.93,118.33 L143.69,119.26 L144.1,120.78 L143.1,122.21 L142.61,123.89 L142.44,125.73 L142.65,126.8 L142.73,128.68 L142.08,129.1 L141.65,130.9 L141.93,132 L141.04,133.08 L141.23,134.21 L141.87,134.89 Z
      path panel/0/layer1/shape/PAN fill=#C9E029 stroke=#FFFFFF w=0.5 M168.7,144.17 L168.18,144.79 L169.17,147.26 L168.36,148.51 L166.98,148.21 L166.43,150.26 L165.01,149.05 L164.09,146.79 L165.15,145.66 L164.07,145.38 L163.28,143.99 L161.15,142.84 L159.28,143.12 L158.41,144.58 L156.67,145.65 L155.74,145.81 L155.32,146.69 L157.35,148.95 L156.18,149.5 L155.56,150.13 L153.57,150.36 L152.84,147.86 L152.28,148.58 L150.87,148.34 L150.01,146.66 L148.26,146.4 L147.16,145.93 L145.32,145.96 L145.18,146.87 L144.7,146.24 L144.93,145.4 L145.29,144.55 L145.13,143.79 L145.77,143.28 L144.89,142.67 L144.88,140.98 L146.53,140.58 L148.05,142.07 L147.96,142.96 L149.66,143.13 L150.07,142.78 L151.23,143.8 L153.34,143.48 L155.16,142.4 L157.76,141.53 L159.23,140.27 L161.58,140.5 L161.42,140.91 L163.8,141.04 L165.7,141.76 L167.1,143.02 L168.7,144.17 Z
      path panel/0/layer1/shape/PER fill=#1F9C89 stroke=#FFFFFF w=0.5 M201.55,227.63 L204.99,234.58 L204.06,236.01 L203.77,239 L203.59,242.63 L201.92,244.72 L202.61,246.32 L201.63,247.73 L203.28,251.36 L200.57,255.89 L199.41,258.04 L197.3,259.08 L193.3,256.56 L192.98,254.8 L184.96,250.42 L177.64,245.72 L174.47,243.09 L172.75,239.57 L173.43,238.34 L169.89,232.76 L165.73,224.92 L161.69,216.47 L159.95,214.55 L158.59,211.43 L155.27,208.69 L152.24,207.01 L153.59,205.09 L151.49,201.06 L152.78,198.06 L156.15,195.32 L156.67,197.09 L155.46,198.12 L155.59,199.67 L157.35,199.31 L159.07,199.75 L160.87,201.88 L163.26,200.11 L164.05,197.24 L166.65,193.52 L171.78,191.83 L176.44,187.38 L177.77,184.62 L177.18,181.4 L178.32,181 L181.16,183.01 L182.53,185.02 L184.5,186.13 L187.01,190.6 L190.18,191.16 L192.54,190.06 L194.08,190.81 L196.64,190.48 L199.89,192.52 L197.1,196.81 L198.37,196.93 L200.48,199.23 L196.65,198.97 L196.07,199.6 L192.58,200.37 L187.7,203.22 L187.38,205.2 L186.29,206.67 L186.7,208.98 L184.13,210.19 L184.12,211.99 L183,212.76 L184.74,216.61 L187.06,219.22 L186.16,221.04 L188.94,221.32 L190.5,223.61 L194.2,223.77 L197.68,221.31 L197.29,227.79 L199.18,228.31 L201.55,227.63 Z
      path panel/0/layer1/shape/PRI fill=#E6E6E6 stroke=#FFFFFF w=0.5 M215.1,103.45 L217.24,103.84 L218.02,104.67 L216.99,105.7 L213.85,105.64 L211.41,105.76 L211.11,103.99 L211.69,103.39 L215.1,103.45 Z
      path panel/0/layer1/shape/PRY fill=#E6E6E6 stroke=#FFFFFF w=0.5 M256.58,294.19 L255.43,297.89 L251.56,300.82 L248.5,301.22 L244.38,300.19 L240.73,298.71 L245.25,292.56 L244.92,290.64 L241.17,288.65 L236.79,285.16 L233.69,284.29 L227.12,276.89 L229.06,271.88 L229.34,269.59 L231.53,265.95 L238.57,265.13 L242.26,265.44 L245.76,267.9 L245.7,269.22 L246.63,271.69 L245.77,277.48 L249.8,278.63 L251.48,277.93 L253.98,279.32 L254.55,280.66 L254.42,284.61 L254.66,286.3 L256.07,286.62 L257.6,286.07 L258.87,286.98 L258.55,289.33 L257.68,291.81 L256.58,294.19 Z
      path panel/0/layer1/shape/SLV fill=#F3E626 stroke=#FFFFFF w=0.5 M114.87,123.66 L115.02,123.04 L116.49,121.96 L117.3,121.48 L117.09,120.99 L118.09,120.71 L119.31,121.04 L120.19,121.85 L121.44,122.5 L121.58,123.06 L123.45,122.53 L124.31,122.81 L124.87,123.25 L124.53,124.93 L124.03,125.93 L121.59,125.91 L120.08,125.54 L118.36,124.75 L116.03,124.54 L114.87,123.66 Z
      path panel/0/layer1/shape/SUR fill=#DEE328 stroke=#FFFFFF w=0.5 M266.05,173.35 L263.64,172.31 L261.64,172.65 L259.94,172.19 L259.51,173.41 L260.21,174.3 L259.82,175.16 L257.53,174.69 L254.98,170.84 L254.43,168.4 L253.07,168.33 L251.2,165.15 L251.98,162.97 L251.74,161.96 L254.31,160.95 L254.96,157.13 L260.03,158.2 L260.48,157.45 L263.88,157.29 L268.42,158.66 L266.26,162.25 L266.6,165.2 L268.23,167.82 L267.5,169.63 L267.13,171.57 L266.05,173.35 Z
      path panel/0/layer1/shape/TTO fill=#E8E427 stroke=#FFFFFF w=0.5 M235.43,136.18 L237.85,135.7 L238.74,135.87 L238.64,139.01 L235.12,139.38 L234.35,138.98 L235.55,137.85 L235.43,136.18 Z
      path panel/0/layer1/shape/URY fill=#8BD446 stroke=#FFFFFF w=0.5 M237.54,327.41 L238.22,324.72 L239.14,323.86 L239.72,319.67 L241.31,315.42 L242.71,312.13 L245.15,311.9 L248.31,315.53 L249.68,315.54 L252.95,318.65 L255.35,321.3 L256.88,324.41 L254.94,326.22 L255.46,328.72 L253.44,331.18 L249.06,333.05 L246.64,331.92 L244.67,332.17 L241.74,330.03 L239.33,329.93 L237.54,327.41 Z
      path panel/0/layer1/shape/VEN fill=#9FD939 stroke=#FFFFFF w=0.5 M239.77,159.85 L240.34,161.08 L238.79,162.65 L234.03,164.08 L230.97,164.65 L229.74,165.61 L226.35,164.45 L223.19,163.82 L222.39,164.19 L224.3,165.34 L224.13,168.19 L224.71,170.88 L228.32,171.35 L228.55,172.25 L225.5,173.37 L224.99,175.16 L223.23,175.81 L220.05,176.71 L219.22,177.99 L215.9,178.18 L213.56,175.88 L212.27,171.62 L211.14,170.11 L209.59,169.14 L211.76,167.08 L211.62,166.13 L210.4,164.84 L209.54,162.02 L209.87,158.99 L210.82,157.59 L211.58,155.33 L210.06,154.57 L207.63,155.01 L204.55,154.74 L202.82,155.16 L199.79,151.5 L197.3,150.93 L191.8,151.29 L190.77,149.81 L189.72,149.45 L189.57,148.57 L190.07,147.02 L189.73,145.33 L188.78,144.4 L188.22,142.46 L186.02,142.17 L187.19,139.73 L187.7,136.74 L188.93,135.19 L190.58,134 L191.64,131.92 L194.37,131.24 L194.26,132.23 L191.76,132.7 L193.16,134.6 L193.13,136.79 L191.26,139.21 L192.9,142.55 L194.74,142.29 L195.68,139.27 L194.34,137.78 L194.1,134.61 L199.39,132.96 L198.78,130.99 L200.26,129.68 L201.82,132.64 L204.8,132.74 L207.6,135.11 L207.78,136.5 L211.6,136.59 L216.14,136.24 L218.6,138.16 L221.86,138.74 L224.23,137.48 L224.25,136.42 L229.5,136.28 L234.58,136.35 L231.01,137.5 L232.5,139.53 L235.89,139.93 L239.15,142.1 L239.89,145.51 L242.09,145.49 L243.77,146.54 L240.45,148.92 L240.1,150.46 L241.57,152.08 L240.53,152.84 L237.92,153.44 L238.02,155.4 L236.88,156.53 L239.77,159.85 Z
    path panel/0/layer2/point/Barbados fill=#E8E427 stroke=#1A1A1A w=0.75 O244.16,126.18,3.5
    path panel/0/layer2/point/Grenada fill=#F3E626 stroke=#1A1A1A w=0.75 O235.28,130.45,3.5
    path panel/0/layer2/point/Saint_Lucia fill=#F3E626 stroke=#1A1A1A w=0.75 O237.99,123,3.5
    path panel/0/layer2/point/Antigua_and_Barbuda fill=#DEE328 stroke=#1A1A1A w=0.75 O234.02,109.6,3.5
    path panel/0/layer2/point/Dominica fill=#E8E427 stroke=#1A1A1A w=0.75 O236.12,116.68,3.5
    text panel/0/point-label/Barbados "Barbados" @251.16,121.07 start/top Noto Sans 7.5pt #1A1A1A box=33.74x10.21
    text panel/0/point-label/Grenada "Grenada" @197.98,125.35 start/top Noto Sans 7.5pt #1A1A1A box=30.3x10.21
    path panel/0/leader/Saint_Lucia stroke=#555555 w=0.4 M241.18,119.82 L244.29,116.71
    text panel/0/point-label/Saint_Lucia "Saint Lucia" @244.99,105.79 start/top Noto Sans 7.5pt #1A1A1A box=37.86x10.21
    text panel/0/point-label/Antigua_and_Barbuda "Antigua and Barbuda" @151.9,104.49 start/top Noto Sans 7.5pt #1A1A1A box=75.12x10.21
    path panel/0/leader/Dominica stroke=#555555 w=0.4 M236.12,112.18 L236.12,100.47
    text panel/0/point-label/Dominica "Dominica" @219.45,89.25 start/top Noto Sans 7.5pt #1A1A1A box=33.33x10.21
  group legend
    text legend/title "Ties" @370,43.56 start/top Noto Sans Bold 7.5pt #1A1A1A box=14.79x10.21
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
    text legend/label/0 "0" @384,172.88 start/middle Noto Sans 7.5pt #1A1A1A box=4.29x10.21
    path legend/tick/1 stroke=#FFFFFF w=0.6 M378,137.4 L380,137.4
    text legend/label/20 "20" @384,137.4 start/middle Noto Sans 7.5pt #1A1A1A box=8.58x10.21
    path legend/tick/2 stroke=#FFFFFF w=0.6 M378,101.91 L380,101.91
    text legend/label/40 "40" @384,101.91 start/middle Noto Sans 7.5pt #1A1A1A box=8.58x10.21
    path legend/tick/3 stroke=#FFFFFF w=0.6 M378,66.43 L380,66.43
    text legend/label/60 "60" @384,66.43 start/middle Noto Sans 7.5pt #1A1A1A box=8.58x10.21
    path legend/swatch/no-data fill=#E6E6E6 R[370 186.6 9 9]
    text legend/label/no-data "No data" @383,191.1 start/middle Noto Sans 7.5pt #1A1A1A box=27.92x10.21

"""##,
        "7-facets": ##"""
scene 520.5x339.78 "New cases per year, by channel"
  text title "New cases per year, by channel" @8,8 start/top Noto Sans Bold 11.0pt #1A1A1A box=170.4x14.98
  text subtitle "Same scales in every panel" @8,23.98 start/top Noto Sans 8.5pt #555555 box=106.26x11.58
  group panel/0
    text panel/0/strip "Party channels" @32.5,55.45 start/bottom Noto Sans Bold 8.0pt #1A1A1A box=59.45x10.9
    path panel/0/grid stroke=#E3E3E3 w=0.5 M32.5,168.45 L184.5,168.45 M32.5,146.25 L184.5,146.25 M32.5,124.05 L184.5,124.05 M32.5,101.85 L184.5,101.85 M32.5,79.65 L184.5,79.65 M32.5,57.45 L184.5,57.45
    group panel/0/marks clip=[32.5 57.45 152 111]
      path panel/0/layer1/bar/2012 fill=#0072B2 R[34.62 101.85 12.67 66.6]
      path panel/0/layer1/bar/2013 fill=#0072B2 R[51.5 168.45 12.67 0]
      path panel/0/layer1/bar/2014 fill=#0072B2 R[68.39 101.85 12.67 66.6]
      path panel/0/layer1/bar/2015 fill=#0072B2 R[85.28 168.45 12.67 0]
      path panel/0/layer1/bar/2016 fill=#0072B2 R[102.17 101.85 12.67 66.6]
      path panel/0/layer1/bar/2017 fill=#0072B2 R[119.06 168.45 12.67 0]
      path panel/0/layer1/bar/2018 fill=#0072B2 R[135.95 101.85 12.67 66.6]
      path panel/0/layer1/bar/2019 fill=#0072B2 R[152.84 168.45 12.67 0]
      path panel/0/layer1/bar/2020 fill=#0072B2 R[169.73 101.85 12.67 66.6]
    path panel/0/baseline-y stroke=#777777 w=0.75 M32.5,168.45 L184.5,168.45
    text panel/0/axis-y/label/0 "0" @27.5,168.45 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/0/axis-y/label/1 "1" @27.5,146.25 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/0/axis-y/label/2 "2" @27.5,124.05 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/0/axis-y/label/3 "3" @27.5,101.85 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/0/axis-y/label/4 "4" @27.5,79.65 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/0/axis-y/label/5 "5" @27.5,57.45 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
  group panel/1
    text panel/1/strip "Trade missions" @196.5,55.45 start/bottom Noto Sans Bold 8.0pt #1A1A1A box=59.28x10.9
    path panel/1/grid stroke=#E3E3E3 w=0.5 M196.5,168.45 L348.5,168.45 M196.5,146.25 L348.5,146.25 M196.5,124.05 L348.5,124.05 M196.5,101.85 L348.5,101.85 M196.5,79.65 L348.5,79.65 M196.5,57.45 L348.5,57.45
    group panel/1/marks clip=[196.5 57.45 152 111]
      path panel/1/layer1/bar/2012 fill=#0072B2 R[198.62 124.05 12.67 44.4]
      path panel/1/layer1/bar/2013 fill=#0072B2 R[215.5 57.45 12.67 111]
      path panel/1/layer1/bar/2014 fill=#0072B2 R[232.39 124.05 12.67 44.4]
      path panel/1/layer1/bar/2015 fill=#0072B2 R[249.28 57.45 12.67 111]
      path panel/1/layer1/bar/2016 fill=#0072B2 R[266.17 124.05 12.67 44.4]
      path panel/1/layer1/bar/2017 fill=#0072B2 R[283.06 57.45 12.67 111]
      path panel/1/layer1/bar/2018 fill=#0072B2 R[299.95 124.05 12.67 44.4]
      path panel/1/layer1/bar/2019 fill=#0072B2 R[316.84 57.45 12.67 111]
      path panel/1/layer1/bar/2020 fill=#0072B2 R[333.73 124.05 12.67 44.4]
    path panel/1/baseline-y stroke=#777777 w=0.75 M196.5,168.45 L348.5,168.45
  group panel/2
    text panel/2/strip "Twinning" @360.5,55.45 start/bottom Noto Sans Bold 8.0pt #1A1A1A box=37.03x10.9
    path panel/2/grid stroke=#E3E3E3 w=0.5 M360.5,168.45 L512.5,168.45 M360.5,146.25 L512.5,146.25 M360.5,124.05 L512.5,124.05 M360.5,101.85 L512.5,101.85 M360.5,79.65 L512.5,79.65 M360.5,57.45 L512.5,57.45
    group panel/2/marks clip=[360.5 57.45 152 111]
      path panel/2/layer1/bar/2012 fill=#0072B2 R[362.62 168.45 12.67 0]
      path panel/2/layer1/bar/2013 fill=#0072B2 R[379.5 101.85 12.67 66.6]
      path panel/2/layer1/bar/2014 fill=#0072B2 R[396.39 168.45 12.67 0]
      path panel/2/layer1/bar/2015 fill=#0072B2 R[413.28 101.85 12.67 66.6]
      path panel/2/layer1/bar/2016 fill=#0072B2 R[430.17 168.45 12.67 0]
      path panel/2/layer1/bar/2017 fill=#0072B2 R[447.06 101.85 12.67 66.6]
      path panel/2/layer1/bar/2018 fill=#0072B2 R[463.95 168.45 12.67 0]
      path panel/2/layer1/bar/2019 fill=#0072B2 R[480.84 101.85 12.67 66.6]
      path panel/2/layer1/bar/2020 fill=#0072B2 R[497.73 168.45 12.67 0]
    path panel/2/baseline-y stroke=#777777 w=0.75 M360.5,168.45 L512.5,168.45
    text panel/2/axis-x/label/0 "2012" @368.95,173.45 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/2/axis-x/label/2 "2014" @402.73,173.45 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/2/axis-x/label/4 "2016" @436.5,173.45 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/2/axis-x/label/6 "2018" @470.28,173.45 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/2/axis-x/label/8 "2020" @504.06,173.45 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
  group panel/3
    text panel/3/strip "Universities" @32.5,203.56 start/bottom Noto Sans Bold 8.0pt #1A1A1A box=47.69x10.9
    path panel/3/grid stroke=#E3E3E3 w=0.5 M32.5,316.56 L184.5,316.56 M32.5,294.36 L184.5,294.36 M32.5,272.16 L184.5,272.16 M32.5,249.96 L184.5,249.96 M32.5,227.76 L184.5,227.76 M32.5,205.56 L184.5,205.56
    group panel/3/marks clip=[32.5 205.56 152 111]
      path panel/3/layer1/bar/2012 fill=#0072B2 R[34.62 227.76 12.67 88.8]
      path panel/3/layer1/bar/2013 fill=#0072B2 R[51.5 294.36 12.67 22.2]
      path panel/3/layer1/bar/2014 fill=#0072B2 R[68.39 227.76 12.67 88.8]
      path panel/3/layer1/bar/2015 fill=#0072B2 R[85.28 294.36 12.67 22.2]
      path panel/3/layer1/bar/2016 fill=#0072B2 R[102.17 227.76 12.67 88.8]
      path panel/3/layer1/bar/2017 fill=#0072B2 R[119.06 294.36 12.67 22.2]
      path panel/3/layer1/bar/2018 fill=#0072B2 R[135.95 227.76 12.67 88.8]
      path panel/3/layer1/bar/2019 fill=#0072B2 R[152.84 294.36 12.67 22.2]
      path panel/3/layer1/bar/2020 fill=#0072B2 R[169.73 227.76 12.67 88.8]
    path panel/3/baseline-y stroke=#777777 w=0.75 M32.5,316.56 L184.5,316.56
    text panel/3/axis-x/label/0 "2012" @40.95,321.56 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/3/axis-x/label/2 "2014" @74.73,321.56 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/3/axis-x/label/4 "2016" @108.5,321.56 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/3/axis-x/label/6 "2018" @142.28,321.56 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/3/axis-x/label/8 "2020" @176.06,321.56 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/3/axis-y/label/0 "0" @27.5,316.56 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/3/axis-y/label/1 "1" @27.5,294.36 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/3/axis-y/label/2 "2" @27.5,272.16 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/3/axis-y/label/3 "3" @27.5,249.96 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/3/axis-y/label/4 "4" @27.5,227.76 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
    text panel/3/axis-y/label/5 "5" @27.5,205.56 end/middle Noto Sans 7.5pt #555555 box=4.29x10.21
  group panel/4
    text panel/4/strip "Visits" @196.5,203.56 start/bottom Noto Sans Bold 8.0pt #1A1A1A box=21.5x10.9
    path panel/4/grid stroke=#E3E3E3 w=0.5 M196.5,316.56 L348.5,316.56 M196.5,294.36 L348.5,294.36 M196.5,272.16 L348.5,272.16 M196.5,249.96 L348.5,249.96 M196.5,227.76 L348.5,227.76 M196.5,205.56 L348.5,205.56
    group panel/4/marks clip=[196.5 205.56 152 111]
      path panel/4/layer1/bar/2012 fill=#0072B2 R[198.62 294.36 12.67 22.2]
      path panel/4/layer1/bar/2013 fill=#0072B2 R[215.5 227.76 12.67 88.8]
      path panel/4/layer1/bar/2014 fill=#0072B2 R[232.39 294.36 12.67 22.2]
      path panel/4/layer1/bar/2015 fill=#0072B2 R[249.28 227.76 12.67 88.8]
      path panel/4/layer1/bar/2016 fill=#0072B2 R[266.17 294.36 12.67 22.2]
      path panel/4/layer1/bar/2017 fill=#0072B2 R[283.06 227.76 12.67 88.8]
      path panel/4/layer1/bar/2018 fill=#0072B2 R[299.95 294.36 12.67 22.2]
      path panel/4/layer1/bar/2019 fill=#0072B2 R[316.84 227.76 12.67 88.8]
      path panel/4/layer1/bar/2020 fill=#0072B2 R[333.73 294.36 12.67 22.2]
    path panel/4/baseline-y stroke=#777777 w=0.75 M196.5,316.56 L348.5,316.56
    text panel/4/axis-x/label/0 "2012" @204.95,321.56 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/4/axis-x/label/2 "2014" @238.73,321.56 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/4/axis-x/label/4 "2016" @272.5,321.56 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/4/axis-x/label/6 "2018" @306.28,321.56 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
    text panel/4/axis-x/label/8 "2020" @340.06,321.56 middle/top Noto Sans 7.5pt #555555 box=17.16x10.21
  text axis-y/title "Cases" @8,187.01 middle/top rot=-90 Noto Sans Bold 7.5pt #1A1A1A box=21.2x10.21

"""##,
    ]
}
