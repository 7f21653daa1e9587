// replaced by the API bootstrap
