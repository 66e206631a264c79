// DossierDocument
