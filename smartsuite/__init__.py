"""smartsuite: async clients for Smartsheet, Resource Management and AppSheet."""
