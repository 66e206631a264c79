// DossierCharts
